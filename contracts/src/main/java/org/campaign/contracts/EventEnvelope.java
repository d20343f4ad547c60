package org.campaign.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What travels on Kafka: one stored domain event with everything a consumer needs to apply it exactly once
 * and to say who caused it. The value of each Kafka record is this envelope as JSON; the key is
 * {@link #aggregateId()}.
 *
 * @param eventId       globally unique id of the event (the event store's identifier)
 * @param type          event type name, e.g. {@code PledgeMade}
 * @param revision      revision of the payload's shape (see {@link EventContract})
 * @param source        the service whose event store holds the event
 * @param aggregateType e.g. {@code Pledge}
 * @param aggregateId   id of the pledge, review, … the event belongs to
 * @param sequence      position of the event within its aggregate, from 0
 * @param occurredAt    when the event was stored
 * @param actor         who caused the event
 * @param correlationId id shared by all events caused by one request
 * @param payload       the event record as JSON
 */
public record EventEnvelope(
        String eventId,
        String type,
        String revision,
        String source,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        Actor actor,
        String correlationId,
        JsonNode payload) {
}
