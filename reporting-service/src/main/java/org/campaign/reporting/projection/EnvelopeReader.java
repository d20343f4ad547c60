package org.campaign.reporting.projection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.IsoDates;
import org.campaign.contracts.EventJson;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;

/** Reads record values as {@link EventEnvelope}s and their payloads, in the contracts' JSON dialect. */
@Component
public class EnvelopeReader {

    private final ObjectMapper json = EventJson.newObjectMapper();
    private final ObjectReader envelopes = json.readerFor(EventEnvelope.class);
    private final ObjectReader actors = json.readerFor(Actor.class);
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
            envelope = stream(value);
            if (envelope == null) {
                envelope = envelopes.readValue(value);
            }
        } catch (JsonProcessingException e) {
            throw new UnprojectableEventException("Malformed record: not an event envelope: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnprojectableEventException("Malformed record: " + e.getMessage(), e);
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
     * Reads an envelope of the usual shape field by field (binding the record through its creator buffers every
     * value, which made a good part of the work of replaying a topic), its payload as a {@link LazyPayload};
     * {@code null} for anything else — a value of
     * an unexpected JSON type, an instant in another form — which is then bound as a record, so that what is
     * accepted, coerced or refused stays the same.
     */
    private EventEnvelope stream(String value) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null;
            String type = null;
            String revision = null;
            String source = null;
            String aggregateType = null;
            String aggregateId = null;
            long sequence = 0;
            Instant occurredAt = null;
            Actor actor = null;
            String correlationId = null;
            JsonNode payload = null;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                boolean text = token == JsonToken.VALUE_STRING;
                boolean absent = token == JsonToken.VALUE_NULL;
                switch (field) {
                    case "eventId", "type", "revision", "source", "aggregateType", "aggregateId", "correlationId" -> {
                        if (!text && !absent) {
                            return null;
                        }
                        String read = absent ? null : parser.getText();
                        switch (field) {
                            case "eventId" -> eventId = read;
                            case "type" -> type = read;
                            case "revision" -> revision = read;
                            case "source" -> source = read;
                            case "aggregateType" -> aggregateType = read;
                            case "aggregateId" -> aggregateId = read;
                            default -> correlationId = read;
                        }
                    }
                    case "sequence" -> {
                        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                                && parser.getNumberType() != JsonParser.NumberType.LONG) {
                            return null;
                        }
                        sequence = parser.getLongValue();
                    }
                    case "occurredAt" -> {
                        occurredAt = text ? IsoDates.instant(parser.getText()) : null;
                        if (occurredAt == null && !absent) {
                            return null;
                        }
                    }
                    case "actor" -> {
                        if (token != JsonToken.START_OBJECT && !absent) {
                            return null;
                        }
                        actor = absent ? null : actors.readValue(parser);
                    }
                    case "payload" -> {
                        if (token != JsonToken.START_OBJECT && !absent) {
                            return null;
                        }
                        if (!absent) {
                            int start = (int) parser.currentTokenLocation().getCharOffset();
                            parser.skipChildren();
                            payload = new LazyPayload(json, value.substring(start,
                                    (int) parser.currentLocation().getCharOffset()));
                        } else {
                            payload = NullNode.getInstance();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return new EventEnvelope(eventId, type, revision, source, aggregateType, aggregateId, sequence,
                    occurredAt, actor, correlationId, payload);
        }
    }

    /**
     * Reads the payload as {@code type}.
     *
     * @throws UnprojectableEventException when the payload does not fit the type
     */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            if (envelope.payload() instanceof LazyPayload lazy && !lazy.fieldsRead()) {
                return payloads.get(type).readValue(lazy.json());
            }
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
