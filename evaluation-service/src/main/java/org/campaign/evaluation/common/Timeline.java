package org.campaign.evaluation.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventContract;
import org.campaign.write.events.ActorMetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of one record as its readers see it: who did what, from which agency, when. Only published events
 * are shown; what stays inside the service (a respondent's identity, for instance) is left out here too.
 */
@Component
public class Timeline {

    public record Entry(long sequence, String type, Instant recordedAt, Actor actor, Object details) {
    }

    private final EventStore events;

    Timeline(EventStore events) {
        this.events = events;
    }

    public List<Entry> of(String aggregateId) {
        List<Entry> timeline = new ArrayList<>();
        DomainEventStream stream = events.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayloadType().isAnnotationPresent(EventContract.class)) {
                timeline.add(new Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                        event.getTimestamp(), ActorMetaData.actorOf(event.getMetaData()), event.getPayload()));
            }
        }
        return timeline;
    }
}
