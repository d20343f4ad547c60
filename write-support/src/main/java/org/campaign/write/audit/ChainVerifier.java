package org.campaign.write.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.campaign.contracts.EventJson;
import org.campaign.write.RecordNotFound;
import org.campaign.write.events.ActorMetaData;

import java.time.Instant;
import java.util.Date;

/**
 * Re-computes an aggregate's hash chain from the event documents exactly as they are stored, and reports the
 * first link that does not hold.
 */
public class ChainVerifier {

    /**
     * The outcome: {@code intact} when every link holds; otherwise {@code firstBroken} names the first event
     * whose stored link differs from the one its content and predecessor give. An id without events is not found
     * (404).
     */
    public record Verification(String aggregateId, int events, boolean intact, BrokenLink firstBroken) {
    }

    public record BrokenLink(long sequence, String eventId, String payloadType, String reason) {
    }

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final MongoTemplate mongo;

    public ChainVerifier(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Verification verify(String aggregateId) {
        String previous = HashChain.GENESIS;
        long expectedSequence = 0;
        int count = 0;
        for (Document stored : mongo.eventCollection().find(Filters.eq("aggregateIdentifier", aggregateId))
                .sort(Sorts.ascending("sequenceNumber"))) {
            count++;
            long sequence = ((Number) stored.get("sequenceNumber")).longValue();
            JsonNode metaData = metaData(stored);
            String storedLink = metaData.path(HashChain.LINK).asText(null);
            String reason = null;
            if (sequence != expectedSequence) {
                reason = "event " + expectedSequence + " is missing";
            } else if (storedLink == null) {
                reason = "the event carries no link";
            } else if (!storedLink.equals(HashChain.link(previous, canonical(stored, aggregateId, sequence,
                    metaData)))) {
                reason = "the stored event does not match its link: it was altered after it was recorded";
            }
            if (reason != null) {
                return new Verification(aggregateId, count, false, new BrokenLink(sequence,
                        stored.getString("eventIdentifier"), stored.getString("payloadType"), reason));
            }
            previous = storedLink;
            expectedSequence++;
        }
        if (count == 0) {
            throw RecordNotFound.of("events of", aggregateId);
        }
        return new Verification(aggregateId, count, true, null);
    }

    private static HashChain.StoredEvent canonical(Document stored, String aggregateId, long sequence,
                                                   JsonNode metaData) {
        return new HashChain.StoredEvent(stored.getString("eventIdentifier"), aggregateId, sequence,
                stored.getString("payloadType"), stored.getString("payloadRevision"), instant(stored.get("timestamp")),
                String.valueOf(stored.get("serializedPayload")), metaData.path(ActorMetaData.USER).asText(null),
                metaData.path(ActorMetaData.AGENCY).asText(null));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Date date ? date.toInstant() : Instant.parse(timestamp.toString());
    }

    private static JsonNode metaData(Document stored) {
        try {
            return JSON.readTree(String.valueOf(stored.get("serializedMetaData")));
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
