package org.campaign.reporting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaign.contracts.EventJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The records (aggregates) the event log knows, one small summary document each ({@value #COLLECTION}), so that
 * auditors can find a record without scanning every event.
 * <p>
 * A summary is a function of the <em>set</em> of an aggregate's logged events only — their number, first and last
 * time, the last event in sequence order, the agencies and users that acted, a label and the organisation ids the
 * payloads mention — never of the order in which they arrived. {@link EventLog} writes it, computed from the
 * events already logged together with those being added, before it adds them: an event redelivered after a crash
 * yields the same summary again, and whichever way the events of an aggregate arrive (live, redelivered, or in a
 * rebuild's switch-over) the summary is the same.
 */
@Component
public class AuditRecords {

    public static final String COLLECTION = "event_log_records";
    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    /** Payload fields naming an organisation or a subject, at any depth (e.g. a pledge's {@code pledger}). */
    private static final Set<String> MENTION_FIELDS = Set.of("organisationId", "subjectId", "townshipId", "parentId",
            "fromOrganisationId", "toOrganisationId", "organisationIds", "townshipIds");

    /** One record as listed to auditors. */
    public record RecordSummary(String aggregateId, String aggregateType, String source, int events,
                                Instant firstEventAt, Instant lastEventAt, String lastEventType, List<String> agencies,
                                List<String> users, String label) {
    }

    /** The search: every criterion optional; {@code from}/{@code to} bound the record's activity. */
    public record Search(String q, String type, String agencyId, String userId, Instant from, Instant to, int page,
                         int size) {
    }

    /** One page of records, newest activity first. */
    public record RecordPage(List<RecordSummary> items, int page, int size, long total) {
    }

    private final MongoTemplate mongo;

    public AuditRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDb().getCollection(COLLECTION);
    }

    /**
     * The summary document of one aggregate from all its logged events (as stored by {@link EventLog}), or
     * {@code null} when there are none.
     */
    static Document summarise(String aggregateId, Collection<Document> events) {
        if (events.isEmpty()) {
            return null;
        }
        List<Document> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong((Document e) -> ((Number) e.get("sequence")).longValue())
                .thenComparing(e -> e.getString("eventId")));
        Document first = ordered.get(0);
        Document last = ordered.get(ordered.size() - 1);
        Instant firstAt = null;
        Instant lastAt = null;
        Set<String> agencies = new TreeSet<>();
        Set<String> users = new TreeSet<>();
        Set<String> mentions = new TreeSet<>();
        Labels labels = new Labels();
        for (Document event : ordered) {
            String text = event.getString("occurredAtText");
            if (text != null) {
                Instant at = Instant.parse(text);
                firstAt = firstAt == null || at.isBefore(firstAt) ? at : firstAt;
                lastAt = lastAt == null || at.isAfter(lastAt) ? at : lastAt;
            }
            Document actor = event.get("actor", Document.class);
            if (actor != null) {
                addIfPresent(agencies, actor.getString("agencyId"));
                addIfPresent(users, actor.getString("userId"));
            }
            JsonNode payload = parse(event.getString("payload"));
            if (payload != null && payload.isObject()) {
                labels.take(payload);
                collectMentions(payload, mentions);
            }
        }
        String aggregateType = first.getString("aggregateType");
        return new Document("_id", aggregateId)
                .append("aggregateType", aggregateType)
                .append("source", first.getString("source"))
                .append("events", ordered.size())
                .append("firstAt", firstAt == null ? null : Date.from(firstAt))
                .append("firstAtText", firstAt == null ? null : firstAt.toString())
                .append("lastAt", lastAt == null ? null : Date.from(lastAt))
                .append("lastAtText", lastAt == null ? null : lastAt.toString())
                .append("lastType", last.getString("type"))
                .append("agencies", new ArrayList<>(agencies))
                .append("users", new ArrayList<>(users))
                .append("label", labels.label(aggregateType))
                .append("mentions", new ArrayList<>(mentions));
    }

    /** Writes the summaries, replacing those of the same aggregates. */
    void replace(Collection<Document> summaries) {
        if (summaries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(summaries.size());
        summaries.forEach(summary -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", summary.get("_id")), summary,
                new ReplaceOptions().upsert(true))));
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The records matching the search, newest activity first (then by id). */
    public RecordPage search(Search search) {
        List<Bson> criteria = new ArrayList<>();
        if (search.q() != null) {
            String quoted = Pattern.quote(search.q());
            criteria.add(Filters.or(
                    Filters.regex("_id", "^" + quoted, "i"),
                    Filters.regex("label", quoted, "i"),
                    Filters.eq("mentions", search.q().toLowerCase(Locale.ROOT))));
        }
        if (search.type() != null) {
            criteria.add(Filters.eq("aggregateType", search.type()));
        }
        if (search.agencyId() != null) {
            criteria.add(Filters.eq("agencies", search.agencyId()));
        }
        if (search.userId() != null) {
            criteria.add(Filters.eq("users", search.userId()));
        }
        if (search.from() != null) {
            criteria.add(Filters.gte("lastAt", Date.from(search.from())));
        }
        if (search.to() != null) {
            criteria.add(Filters.lte("firstAt", Date.from(search.to())));
        }
        Bson filter = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        long total = collection().countDocuments(filter);
        List<RecordSummary> items = new ArrayList<>();
        collection().find(filter).sort(Sorts.orderBy(Sorts.descending("lastAt"), Sorts.ascending("_id")))
                .skip(search.page() * search.size()).limit(search.size())
                .forEach(d -> items.add(toSummary(d)));
        return new RecordPage(items, search.page(), search.size(), total);
    }

    private static RecordSummary toSummary(Document d) {
        return new RecordSummary(d.getString("_id"), d.getString("aggregateType"), d.getString("source"),
                ((Number) d.get("events")).intValue(), instant(d.getString("firstAtText")),
                instant(d.getString("lastAtText")), d.getString("lastType"), d.getList("agencies", String.class),
                d.getList("users", String.class), d.getString("label"));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    /** Organisation and subject ids named in a payload, lower-cased (they are matched case-insensitively). */
    private static void collectMentions(JsonNode fields, Set<String> mentions) {
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collectMentions(value, mentions);
            } else if (MENTION_FIELDS.contains(field.getKey())) {
                if (value.isTextual()) {
                    addIfPresent(mentions, value.asText().toLowerCase(Locale.ROOT));
                } else if (value.isArray()) {
                    value.forEach(id -> {
                        if (id.isTextual()) {
                            addIfPresent(mentions, id.asText().toLowerCase(Locale.ROOT));
                        }
                    });
                }
            }
        }
    }

    private static JsonNode parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The facts a label is made of, the latest of each in sequence order: a pledge's title, an organisation's or a
     * campaign's name (never a member's), the subject of a review, evaluation or assessment, the reviewer of an
     * assignment, the organisation of a ledger entry or a member.
     */
    private static final class Labels {
        private String title;
        private String name;
        private String subjectType;
        private String subjectId;
        private String round;
        private String year;
        private String reviewerId;
        private String organisationId;
        private String campaignId;

        void take(JsonNode fields) {
            title = text(fields, "title", title);
            name = text(fields, "name", name);
            subjectType = text(fields, "subjectType", subjectType);
            subjectId = text(fields, "subjectId", subjectId);
            round = text(fields, "round", round);
            year = text(fields, "year", year);
            reviewerId = text(fields, "reviewerId", reviewerId);
            organisationId = text(fields, "organisationId", text(fields, "toOrganisationId", organisationId));
            campaignId = text(fields, "campaignId", campaignId);
        }

        private static String text(JsonNode fields, String field, String previous) {
            JsonNode value = fields.get(field);
            return value != null && (value.isTextual() || value.isNumber()) ? value.asText().strip() : previous;
        }

        String label(String aggregateType) {
            if (title != null && !title.isEmpty()) {
                return title;
            }
            if (name != null && !name.isEmpty() && !"Member".equals(aggregateType)) {
                return name;
            }
            String period = round != null ? round : year;
            if (subjectId != null) {
                return (subjectType == null ? "" : subjectType + " ") + subjectId
                        + (period == null ? "" : " · " + period);
            }
            if (reviewerId != null) {
                return reviewerId + (campaignId == null ? "" : " · " + campaignId);
            }
            if (organisationId != null) {
                return organisationId + (year == null ? "" : " · " + year);
            }
            return campaignId;
        }
    }
}
