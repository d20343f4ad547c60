package org.campaign.write.events;

import org.axonframework.messaging.MetaData;
import org.campaign.contracts.Actor;

import java.util.HashMap;
import java.util.Map;

/**
 * The meta-data keys that say who caused a command and therefore its events. Axon copies them from each
 * command to every event it causes (see the correlation data providers in the write-side configuration).
 */
public final class ActorMetaData {

    public static final String USER = "userId";
    public static final String AGENCY = "agencyId";
    public static final String CLIENT = "clientId";
    public static final String CORRELATION = "correlationId";

    private ActorMetaData() {
    }

    public static MetaData of(Actor actor, String correlationId) {
        return of(actor, null, correlationId);
    }

    public static MetaData of(Actor actor, String clientId, String correlationId) {
        Map<String, String> values = new HashMap<>();
        values.put(USER, actor.userId());
        values.put(AGENCY, actor.agencyId());
        if (clientId != null) {
            values.put(CLIENT, clientId);
        }
        if (correlationId != null && !correlationId.isBlank()) {
            values.put(CORRELATION, correlationId);
        }
        return MetaData.from(values);
    }

    public static Actor actorOf(MetaData metaData) {
        Object user = metaData.get(USER);
        Object agency = metaData.get(AGENCY);
        return user == null && agency == null ? Actor.UNKNOWN
                : new Actor(String.valueOf(user), String.valueOf(agency));
    }
}
