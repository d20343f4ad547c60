package org.campaign.write.web;

import org.axonframework.messaging.MetaData;
import org.campaign.contracts.Actor;
import org.campaign.service.security.Caller;
import org.campaign.write.events.ActorMetaData;

/**
 * Who is acting in the current request — the person, the agency they act for, the client application — and the
 * request's correlation id. A controller parameter of this type is filled from the validated token (see
 * {@code CallerResolver}); a request that names nobody is refused before the controller runs.
 */
public record Acting(Caller caller, String correlationId) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    public Actor actor() {
        return new Actor(caller.userId(), caller.agencyId());
    }

    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }

    /** Meta-data for a command sent on behalf of this actor; Axon copies it to every resulting event. */
    public MetaData metaData() {
        return ActorMetaData.of(actor(), caller.clientId(), correlationId);
    }
}
