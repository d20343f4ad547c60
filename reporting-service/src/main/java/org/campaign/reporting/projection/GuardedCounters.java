package org.campaign.reporting.projection;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Counters that a Kafka record increments at most once, without MongoDB transactions.
 * <p>
 * <b>Layout.</b> A statistic ({@link CounterKey}) is kept as one document per source topic-partition:
 * <pre>
 * { _id: "campaign:c1|sector|RURAL_VILLAGE|campaign.pledge-events|0",
 *   scope: "campaign:c1", dimension: "sector", key: "RURAL_VILLAGE",
 *   topic: "campaign.pledge-events", partition: 0,
 *   made: 12, fulfilled: 5,              // the counted fields
 *   lastOffset: 4711 }                   // the last Kafka offset applied to this document
 * </pre>
 * The value of a statistic is the sum of its documents over all partitions ({@link #totals}).
 * <p>
 * <b>Guard.</b> An increment for the record at offset {@code o} is one atomic single-document upsert:
 * filter {@code {_id, lastOffset < o}}, update {@code $inc} the fields and {@code $set lastOffset = o}. If the
 * document exists with {@code lastOffset >= o}, the filter matches nothing and the upsert tries to insert a second
 * document with the same {@code _id}, which the unique {@code _id} index refuses (duplicate key): that record was
 * already applied, and nothing changes. Because a partition is consumed in offset order by one consumer at a time,
 * and a document belongs to exactly one partition, {@code lastOffset} only grows and the test is exact.
 */
@Component
public class GuardedCounters {

    public static final String LAST_OFFSET = "lastOffset";

    private static final Logger log = LoggerFactory.getLogger(GuardedCounters.class);

    private final MongoTemplate mongo;

    public GuardedCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Adds {@code increments} to each of {@code counters}, unless the record at {@code position} was already
     * applied to that counter. Safe to call again for the same record after a crash part-way through.
     */
    public void increment(String collection, SourcePosition position, Collection<CounterKey> counters,
                          Map<String, Long> increments) {
        for (CounterKey counter : counters) {
            String id = documentId(counter, position);
            Update update = new Update();
            increments.forEach(update::inc);
            update.set(LAST_OFFSET, position.offset())
                    .setOnInsert("scope", counter.scope())
                    .setOnInsert("dimension", counter.dimension())
                    .setOnInsert("key", counter.key())
                    .setOnInsert("topic", position.topic())
                    .setOnInsert("partition", position.partition());
            try {
                mongo.upsert(query(where("_id").is(id).and(LAST_OFFSET).lt(position.offset())), update, collection);
            } catch (DuplicateKeyException alreadyApplied) {
                log.debug("Record {} was already applied to {} {}", position, collection, id);
            }
        }
    }

    /**
     * The statistics of one scope summed over all partitions: dimension → key → field → value. Fields never
     * incremented in a document count as 0.
     */
    public Map<String, Map<String, Map<String, Long>>> totals(String collection, String scope) {
        Map<String, Map<String, Map<String, Long>>> totals = new LinkedHashMap<>();
        for (Document document : mongo.find(query(where("scope").is(scope)), Document.class, collection)) {
            Map<String, Long> fields = totals
                    .computeIfAbsent(document.getString("dimension"), d -> new LinkedHashMap<>())
                    .computeIfAbsent(document.getString("key"), k -> new HashMap<>());
            document.forEach((name, value) -> {
                if (value instanceof Number number && isCountedField(name)) {
                    fields.merge(name, number.longValue(), Long::sum);
                }
            });
        }
        return totals;
    }

    /** Creates the index the reports read by; failure is logged, as it only costs speed. */
    public void ensureIndexes(String collection) {
        try {
            mongo.indexOps(collection).ensureIndex(new Index().on("scope", Sort.Direction.ASC));
        } catch (DataAccessException e) {
            log.warn("Cannot create index on {}.scope: {}", collection, e.getMessage());
        }
    }

    private static boolean isCountedField(String name) {
        return !"_id".equals(name) && !LAST_OFFSET.equals(name) && !"partition".equals(name);
    }

    static String documentId(CounterKey counter, SourcePosition position) {
        return escape(counter.scope()) + '|' + escape(counter.dimension()) + '|' + escape(counter.key()) + '|'
                + position.topic() + '|' + position.partition();
    }

    /** Keeps ids unambiguous whatever the values contain (topic names cannot contain '|' or '%'). */
    private static String escape(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }
}
