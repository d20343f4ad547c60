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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads record values as {@link EventEnvelope}s and their payloads, in the contracts' JSON dialect. */
@Component
public class EnvelopeReader {

    private final ObjectMapper json = EventJson.newObjectMapper();
    private final ObjectReader envelopes = json.readerFor(EventEnvelope.class);
    private final ObjectReader actors = json.readerFor(Actor.class);
    /**
     * The record each event type's payload is read as, learnt from the projections' calls of {@link #payload}: an
     * envelope of a type learnt has its payload bound while it is read, in the same pass.
     */
    private final Map<String, Class<?>> payloadRecords = new ConcurrentHashMap<>();
    private final ClassValue<ObjectReader> payloads = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return json.readerFor(type);
        }
    };

    /**
     * Reads and checks an envelope from a record's value, its JSON in UTF-8.
     *
     * @throws UnprojectableEventException when the value is not JSON, not an envelope, or lacks the event id,
     *                                     type, aggregate id, a non-negative sequence or an object payload
     */
    public EventEnvelope read(byte[] value) {
        if (value == null || blank(value)) {
            throw new UnprojectableEventException("Malformed record: empty value");
        }
        EventEnvelope envelope;
        try {
            envelope = parse(value);
        } catch (JsonProcessingException e) {
            // Bytes that are not UTF-8 are read as their text would be, with replacement characters (the event log
            // keeps the text), so an event is applied or refused as its text reads.
            byte[] asText = new String(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            if (Arrays.equals(asText, value)) {
                throw malformed(e);
            }
            try {
                envelope = parse(asText);
            } catch (JsonProcessingException again) {
                throw malformed(again);
            }
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

    private EventEnvelope parse(byte[] value) throws JsonProcessingException {
        try {
            EventEnvelope envelope = stream(value);
            return envelope != null ? envelope : envelopes.readValue(value);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UnprojectableEventException("Malformed record: " + e.getMessage(), e);
        }
    }

    /** Whether the text is empty or white space only, as {@link String#isBlank} tells. */
    private static boolean blank(byte[] value) {
        for (byte b : value) {
            if (b < 0) {
                return new String(value, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static UnprojectableEventException malformed(JsonProcessingException e) {
        return new UnprojectableEventException("Malformed record: not an event envelope: " + e.getOriginalMessage(), e);
    }

    /**
     * Reads an envelope of the usual shape field by field (binding the record through its creator buffers every
     * value, which made a good part of the work of replaying a topic), its payload as a {@link LazyPayload} — bound
     * to its record in the same pass when the type's record is known. Returns {@code null} for anything else (a value
     * of an unexpected JSON type, an instant in another form, a payload that does not fit its record), which is then
     * bound as a record, so that what is accepted, coerced or refused, and what the projection reports, stay the same.
     */
    private EventEnvelope stream(byte[] value) throws IOException {
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
                            int start = (int) parser.currentTokenLocation().getByteOffset();
                            Class<?> record = type == null ? null : payloadRecords.get(type);
                            Object bound = null;
                            if (record != null) {
                                try {
                                    bound = payloads.get(record).readValue(parser);
                                } catch (JsonProcessingException e) {
                                    return null;
                                }
                            } else {
                                parser.skipChildren();
                            }
                            payload = new LazyPayload(json, value, start,
                                    (int) parser.currentLocation().getByteOffset() - start, bound);
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
                if (type.isInstance(lazy.bound())) {
                    return type.cast(lazy.bound());
                }
                payloadRecords.put(envelope.type(), type);
                return lazy.read(payloads.get(type));
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
