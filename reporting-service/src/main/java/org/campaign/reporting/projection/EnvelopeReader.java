package org.campaign.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Reads record values as {@link EventEnvelope}s and their payloads, in the contracts' JSON dialect. */
@Component
public class EnvelopeReader {

    private final ObjectMapper json = EventJson.newObjectMapper();
    private final ObjectReader envelopes = json.readerFor(EventEnvelope.class);
    private final ClassValue<ObjectReader> payloads = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return json.readerFor(type);
        }
    };

    /**
     * Reads and checks an envelope.
     *
     * @throws UnprojectableEventException when the value is not JSON, not an envelope, or lacks the event id,
     *                                     type, aggregate id, a non-negative sequence or an object payload
     */
    public EventEnvelope read(String value) {
        if (value == null || value.isBlank()) {
            throw new UnprojectableEventException("Malformed record: empty value");
        }
        EventEnvelope envelope;
        try {
            envelope = envelopes.readValue(value);
        } catch (JsonProcessingException e) {
            throw new UnprojectableEventException("Malformed record: not an event envelope: "
                    + e.getOriginalMessage(), e);
        }
        if (envelope == null) {
            throw new UnprojectableEventException("Malformed record: null envelope");
        }
        require(envelope.eventId(), "eventId");
        require(envelope.type(), "type");
        require(envelope.aggregateId(), "aggregateId");
        if (envelope.sequence() < 0) {
            throw new UnprojectableEventException("Malformed envelope " + envelope.eventId()
                    + ": negative sequence " + envelope.sequence());
        }
        if (envelope.payload() == null || !envelope.payload().isObject()) {
            throw new UnprojectableEventException("Malformed envelope " + envelope.eventId()
                    + ": payload is not a JSON object");
        }
        return envelope;
    }

    /**
     * Reads the payload as {@code type}.
     *
     * @throws UnprojectableEventException when the payload does not fit the type
     */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return payloads.get(type).readValue(envelope.payload());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnprojectableEventException("Unreadable " + envelope.type() + " payload in event "
                    + envelope.eventId() + ": " + e.getMessage(), e);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new UnprojectableEventException("Malformed envelope: missing " + field);
        }
    }
}
