package org.campaign.reporting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.IsoDates;
import org.campaign.reporting.projection.BatchProjector;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every event envelope the reporting service received, kept for the auditors ({@value #COLLECTION}).
 * <p>
 * One document per aggregate — {@code {_id: <aggregateId>, events: [<envelope>, …]}} — so that the history of a
 * pledge, review, evaluation or assessment is read with one lookup by {@code _id}, on any MongoDB-compatible server
 * and whatever the size of the log. A batch reads the events already logged for its aggregates (one query) and
 * pushes only those with other ids: the log is idempotent by event id, so duplicates published by the write
 * services and records redelivered after a crash are kept once. Each aggregate also has a small summary for the
 * search of records ({@link AuditRecords}), written with its events.
 * <p>
 * The log is not part of a read-model generation: it is the same whatever the projections make of the events. The
 * live projection writes it; a rebuild adds only the records it applies while the live projection is stopped for
 * the switch-over (which the live projection then never sees), already-logged events changing nothing.
 */
@Component
public class EventLog {

    public static final String COLLECTION = "event_log";


    private final MongoTemplate mongo;
    private final AuditRecords records;
    private final ObjectMapper json = EventJson.newObjectMapper();

    public EventLog(MongoTemplate mongo, AuditRecords records) {
        this.mongo = mongo;
        this.records = records;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDb().getCollection(COLLECTION);
    }

    /**
     * Adds the envelopes not yet in the log. The summaries of the aggregates that get new events are written first,
     * from the events logged so far together with the new ones: if the process dies before the events are added,
     * the redelivered batch finds them new again and writes the same summaries.
     */
    public void append(List<BatchProjector.Applied> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Map<String, Document>> logged = new HashMap<>();
        Set<String> aggregates = new LinkedHashSet<>();
        events.forEach(applied -> aggregates.add(applied.event().aggregateId()));
        for (Document aggregate : collection().find(Filters.in("_id", aggregates))) {
            Map<String, Document> byId = new LinkedHashMap<>();
            aggregate.getList("events", Document.class, List.of()).forEach(e -> byId.put(e.getString("eventId"), e));
            logged.put(aggregate.getString("_id"), byId);
        }
        Map<String, List<Document>> added = new LinkedHashMap<>();
        for (BatchProjector.Applied applied : events) {
            EventEnvelope event = applied.event();
            Map<String, Document> known = logged.computeIfAbsent(event.aggregateId(), id -> new LinkedHashMap<>());
            if (!known.containsKey(event.eventId())) {
                Document document = toDocument(event);
                known.put(event.eventId(), document);
                added.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(document);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        records.replace(added.keySet().stream()
                .map(aggregateId -> AuditRecords.summarise(aggregateId, logged.get(aggregateId).values())).toList());
        List<WriteModel<Document>> writes = new ArrayList<>(added.size());
        added.forEach((aggregateId, documents) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", aggregateId),
                Updates.pushEach("events", documents), new UpdateOptions().upsert(true))));
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The events of one aggregate in sequence order; empty when none was received. */
    public List<EventEnvelope> history(String aggregateId) {
        Document document = collection().find(Filters.eq("_id", aggregateId)).first();
        if (document == null) {
            return List.of();
        }
        List<EventEnvelope> events = new ArrayList<>();
        for (Document event : document.getList("events", Document.class)) {
            events.add(toEnvelope(event));
        }
        events.sort(Comparator.comparingLong(EventEnvelope::sequence).thenComparing(EventEnvelope::eventId));
        return events;
    }

    /** Every logged event that occurred at or before {@code asOf}, in no particular order. */
    public void forEachUpTo(Instant asOf, Consumer<EventEnvelope> action) {
        for (Document aggregate : collection().find()) {
            for (Document event : aggregate.getList("events", Document.class)) {
                Instant occurredAt = occurredAt(event);
                if (occurredAt != null && !occurredAt.isAfter(asOf)) {
                    action.accept(toEnvelope(event));
                }
            }
        }
    }

    /** When a logged event occurred, to the nanosecond its envelope gave (the stored date keeps milliseconds). */
    private static Instant occurredAt(Document event) {
        String text = event.getString("occurredAtText");
        if (text != null) {
            return instant(text);
        }
        return event.get("occurredAt") instanceof java.util.Date date ? date.toInstant() : null;
    }

    /** An instant as {@link Instant#toString} wrote it, read from its digits ({@link IsoDates}) when it can be. */
    private static Instant instant(String text) {
        Instant read = IsoDates.instant(text);
        return read != null ? read : Instant.parse(text);
    }

    Document toDocument(EventEnvelope event) {
        Document document = new Document("eventId", event.eventId())
                .append("type", event.type())
                .append("revision", event.revision())
                .append("source", event.source())
                .append("aggregateType", event.aggregateType())
                .append("aggregateId", event.aggregateId())
                .append("sequence", event.sequence())
                .append("occurredAt", event.occurredAt() == null ? null : java.util.Date.from(event.occurredAt()))
                .append("occurredAtText", event.occurredAt() == null ? null : event.occurredAt().toString())
                .append("correlationId", event.correlationId());
        if (event.actor() != null) {
            document.append("actor", new Document("userId", event.actor().userId())
                    .append("agencyId", event.actor().agencyId()));
        }
        // Kept as text: the payload's field names and values exactly as published, whatever they contain.
        document.append("payload", event.payload() == null ? null : event.payload().toString());
        return document;
    }

    EventEnvelope toEnvelope(Document document) {
        Document actor = document.get("actor", Document.class);
        String occurredAt = document.getString("occurredAtText");
        return new EventEnvelope(document.getString("eventId"), document.getString("type"),
                document.getString("revision"), document.getString("source"), document.getString("aggregateType"),
                document.getString("aggregateId"), ((Number) document.get("sequence")).longValue(),
                occurredAt == null ? null : instant(occurredAt),
                actor == null ? null : new Actor(actor.getString("userId"), actor.getString("agencyId")),
                document.getString("correlationId"), parse(document.getString("payload")));
    }

    private JsonNode parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payload in the event log", e);
        }
    }
}
