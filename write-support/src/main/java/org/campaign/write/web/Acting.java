package org.campaign.write.web;

import org.axonframework.messaging.MetaData;
import org.campaign.contracts.Actor;
import org.campaign.write.events.ActorMetaData;

/**
 * Who is acting in the current request, and the request's correlation id; a controller parameter of this type
 * is filled from the {@code X-Acting-User}, {@code X-Acting-Agency} and {@code X-Correlation-Id} headers that
 * the gateway passes on.
 */
public record Acting(Actor actor, String correlationId) {

    public static final String USER_HEADER = "X-Acting-User";
    public static final String AGENCY_HEADER = "X-Acting-Agency";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /** Meta-data for a command sent on behalf of this actor; Axon copies it to every resulting event. */
    public MetaData metaData() {
        return ActorMetaData.of(actor, correlationId);
    }
}
