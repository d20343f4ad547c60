package org.campaign.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.store.BatchChanges.CounterDelta;
import org.campaign.reporting.store.BatchChanges.SetAddition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generation of read models in MongoDB: collections named {@code <base>_<generation>}, e.g. {@code stats_g2}.
 * <p>
 * <b>Counters</b> ({@code stats_*}, {@code series_*}, {@code org_stats_*}). A statistic is one document; next to its
 * counted fields it keeps, per source topic-partition, the offset of the last record of that partition it counts:
 * <pre>
 * { _id: "campaign:c1|sector|RURAL_VILLAGE", scope: "campaign:c1", dimension: "sector", key: "RURAL_VILLAGE",
 *   made: 12, fulfilled: 5,                                       // the counted fields
 *   offsets: { "campaign:pledge-events@0": 4711, "campaign:pledge-events@3": 815 } }
 * </pre>
 * A batch adds to each document the sum of the deltas of its records that lie <i>beyond that document's offset for
 * their partition</i>, and moves those offsets, in one single-document atomic upsert. A record redelivered after a
 * crash — in a batch that need not have the same boundaries — therefore changes each counter at most once. The
 * offsets are read once per document (one {@code $in} query per batch for the documents not seen yet) and then kept
 * by the writer: a generation has a single writer (the consumer that owns the source partitions: the rebuild, then
 * the live projection), and the caches are dropped whenever a write fails. Every write filters on {@code _id} alone:
 * the in-process MongoDB-compatible server scans the whole collection for any other filter. (On MongoDB the guard
 * could also be written into the update filter.)
 * <p>
 * <b>Sets</b> ({@code sets_*}): {@code {_id, scope, kind, key, members: [...], n}}: the members not yet in the set
 * are added with {@code $addToSet} and counted in {@code n} in the same atomic update — idempotent whichever
 * partition adds.
 * <p>
 * <b>Facts</b> ({@code facts_<kind>_*}): written by a rebuild in pages, many facts to a document, and by the live
 * projection one document each ({@link FactPages}); a changed fact replaces the stored one, and the engine saves a
 * fact only for an event beyond the stored fact's {@code lastSequence}. Facts and set members are kept in a bounded
 * write-through cache; for a generation this store created (a rebuild) and whose cache never overflowed, a fact
 * missing from the cache does not exist, so replaying needs no reads at all — and a counter, set or fact page it
 * never wrote is not stored yet, so it is inserted whole instead of updated.
 * <p>
 * <b>Order.</b> Counters and sets are written before facts. A crash in between leaves the facts as they were, so the
 * redelivered records compute the same deltas from the same facts, and the guards refuse what was applied. A crash
 * after the facts makes the engine skip the redelivered records by their sequence.
 */
public class MongoReadModelStore implements ReadModelStore {

    public static final String OFFSETS = "offsets";
    public static final String LAST_SEQUENCE = "lastSequence";
    private static final Set<String> COUNTER_METADATA = Set.of("_id", "scope", "dimension", "key", OFFSETS);
    /** What reads of counters need: not their offsets, which are most of a document. */
    private static final Bson FIGURES = Projections.exclude(OFFSETS);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /** Writes per part at least, when a bulk write is split to be written in parallel. */
    private static final int PARALLEL_BULK_PART = 5_000;
    /** The same for fact pages, each of which holds many facts. */
    private static final int PARALLEL_PAGES_PART = 500;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private static final Logger log = LoggerFactory.getLogger(MongoReadModelStore.class);

    private final MongoDatabase database;
    private final String generation;
    private final Map<CounterFamily, Map<String, Map<String, Long>>> knownOffsets = new EnumMap<>(CounterFamily.class);
    private final FactCache facts;
    private final Map<String, Set<String>> setMembers = new ConcurrentHashMap<>();
    /** The fact pages this store wrote, per kind. */
    private final Map<String, Set<Integer>> pagesWritten = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    /** What the last {@value #JOURNAL_SIZE} writes changed, oldest first. */
    private final Deque<Landed> journal = new ArrayDeque<>();
    private static final int JOURNAL_SIZE = 256;
    private static final int MAX_NAMED = 4_096;
    /** Whether the caches know every document of the generation: true for a generation this store created. */
    private volatile boolean authoritative;

    /**
     * @param fresh          the generation is new (no collection of it exists): the caches start out complete
     * @param factCacheSize  facts kept in memory at most (least recently used ones are dropped)
     */
    public MongoReadModelStore(MongoDatabase database, String generation, boolean fresh, int factCacheSize) {
        this.database = database;
        this.generation = generation;
        this.authoritative = fresh;
        this.facts = new FactCache(factCacheSize, () -> authoritative = false);
        for (CounterFamily family : CounterFamily.values()) {
            knownOffsets.put(family, new ConcurrentHashMap<>());
        }
    }

    @Override
    public String generation() {
        return generation;
    }

    public String collectionName(String base) {
        return base + "_" + generation;
    }

    /** Collection names of a generation's facts of {@code kind}. */
    public String factCollection(String kind) {
        return collectionName("facts_" + kind);
    }

    private MongoCollection<Document> collection(String base) {
        return database.getCollection(collectionName(base));
    }

    @Override
    public Map<String, Document> loadFacts(String kind, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            byte[] cached = facts.get(kind, id);
            if (cached != null) {
                found.put(id, FactPages.decode(cached));
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty() && !authoritative) {
            FactPages.find(database.getCollection(factCollection(kind)), missing).forEach((id, fact) -> {
                facts.put(kind, id, FactPages.encode(fact));
                found.put(id, fact);
            });
        }
        return found;
    }

    @Override
    public void write(BatchChanges changes) {
        boolean complete = false;
        try {
            writeCounters(changes.counters());
            writeSets(changes.sets());
            writeFacts(changes.facts());
            complete = true;
        } finally {
            landed(complete ? named(changes) : null);
        }
    }

    /**
     * How many writes of this store have landed (or failed). Figures read after it was {@code v} hold at least what
     * the writes up to {@code v} wrote, and perhaps part of later ones, which {@link #changesSince changesSince(v)}
     * names once they have landed — as long as this process is the generation's only writer.
     */
    public long version() {
        return version.get();
    }

    /** What writes changed, for readers that keep figures: the counters and the sets. */
    public record Changes(Set<CounterKey> counters, Set<SetRef> sets) {
    }

    private record Landed(long version, Changes changes) {
    }

    /**
     * What the writes after {@code since} (a {@link #version}) changed, or {@code null} when this store no
     * longer remembers all of them or one of them failed part-way (read everything again then).
     */
    public Changes changesSince(long since) {
        synchronized (journal) {
            if (journal.isEmpty() || journal.peekFirst().version() > since + 1) {
                return null;
            }
            Set<CounterKey> counters = new HashSet<>();
            Set<SetRef> sets = new HashSet<>();
            for (Landed landed : journal) {
                if (landed.version() > since) {
                    if (landed.changes() == null) {
                        return null;
                    }
                    counters.addAll(landed.changes().counters());
                    sets.addAll(landed.changes().sets());
                }
            }
            return new Changes(counters, sets);
        }
    }

    /**
     * Counts a write that has landed (or failed) and remembers what it changed; {@code null} when that is not known
     * (a failed write) or too much to name (more than {@value #MAX_NAMED} counters and sets, a rebuild's fold):
     * readers then read everything again, once.
     */
    private void landed(Changes changed) {
        synchronized (journal) {
            journal.addLast(new Landed(version.incrementAndGet(), changed));
            if (journal.size() > JOURNAL_SIZE) {
                journal.removeFirst();
            }
        }
    }

    /** The counters and sets {@code changes} names, or {@code null} once they are more than {@value #MAX_NAMED}. */
    private static Changes named(BatchChanges changes) {
        Set<CounterKey> counters = new HashSet<>();
        for (CounterDelta delta : changes.counters()) {
            counters.addAll(delta.keys());
            if (counters.size() > MAX_NAMED) {
                return null;
            }
        }
        Set<SetRef> sets = new HashSet<>();
        for (SetAddition added : changes.sets()) {
            sets.add(new SetRef(added.scope(), added.kind(), added.key()));
            if (counters.size() + sets.size() > MAX_NAMED) {
                return null;
            }
        }
        return new Changes(counters, sets);
    }

    // ---------------------------------------------------------------- counters

    /** What a batch adds to one counter document from one source partition. */
    private static final class SourceSum {
        long first = Long.MAX_VALUE;
        long last = -1;
        final Map<String, Long> fields = new HashMap<>(8);

        void add(long offset, String field, long delta) {
            first = Math.min(first, offset);
            last = Math.max(last, offset);
            fields.merge(field, delta, Long::sum);
        }
    }

    /** What a batch adds to one counter document, per source partition. */
    private static final class PendingCounter {
        final CounterKey key;
        final String id;
        final Map<String, SourceSum> bySource = new HashMap<>(4);

        PendingCounter(CounterKey key) {
            this.key = key;
            this.id = documentId(key);
        }
    }

    private void writeCounters(List<CounterDelta> deltas) {
        Map<CounterFamily, Map<CounterKey, PendingCounter>> byFamily = new EnumMap<>(CounterFamily.class);
        for (CounterDelta delta : deltas) {
            for (CounterKey key : delta.keys()) {
                byFamily.computeIfAbsent(key.family(), f -> new HashMap<>())
                        .computeIfAbsent(key, PendingCounter::new)
                        .bySource.computeIfAbsent(delta.source(), s -> new SourceSum())
                        .add(delta.position().offset(), delta.field(), delta.delta());
            }
        }
        byFamily.forEach((family, counters) ->
                writeCounters(family, collection(family.collection()), counters.values(), deltas));
    }

    private void writeCounters(CounterFamily family, MongoCollection<Document> collection,
                               Collection<PendingCounter> counters, List<CounterDelta> deltas) {
        Map<String, Map<String, Long>> cache = knownOffsets.get(family);
        Set<String> absent = absent(collection, cache, counters.stream().map(c -> c.id).toList());
        List<WriteModel<Document>> writes = new ArrayList<>(counters.size());
        Map<String, Map<String, Long>> moved = new HashMap<>();
        for (PendingCounter pending : counters) {
            Map<String, Long> applied = cache.get(pending.id);
            Map<String, Long> sum = new HashMap<>();
            Map<String, Long> offsets = new HashMap<>();
            pending.bySource.forEach((source, batch) -> {
                long known = applied.getOrDefault(source, -1L);
                if (known < batch.first) {
                    batch.fields.forEach((f, v) -> sum.merge(f, v, Long::sum));
                    offsets.put(source, batch.last);
                } else if (known < batch.last) {
                    // Redelivered after a crash, with records this counter already counts: add exactly the others.
                    for (CounterDelta delta : deltas) {
                        if (delta.source().equals(source) && delta.position().offset() > known
                                && delta.keys().contains(pending.key)) {
                            sum.merge(delta.field(), delta.delta(), Long::sum);
                        }
                    }
                    offsets.put(source, batch.last);
                    log.debug("Counter {} counted {} up to {}; applied the records up to {}", pending.id, source,
                            known, batch.last);
                } else {
                    log.debug("Counter {} already counts the records of {} up to {}", pending.id, source, known);
                }
            });
            if (!offsets.isEmpty()) {
                writes.add(counterWrite(pending.key, pending.id, sum, offsets, absent.contains(pending.id)));
                moved.put(pending.id, offsets);
            }
        }
        bulkCounters(collection, cache, writes, moved);
    }

    /**
     * Saves the counters a rebuild folded ({@link GenerationBuilder}): for each, its fields summed over every source
     * partition and, per source, the offset of the last record it counts. A fold applies each record once, so every
     * offset lies beyond the one stored (a counter that says otherwise fails the write); the sums are added as a
     * batch's are.
     */
    void saveCounters(Map<CounterKey, GenerationBuilder.Counted> counted) {
        Map<CounterFamily, Map<CounterKey, GenerationBuilder.Counted>> byFamily = new EnumMap<>(CounterFamily.class);
        counted.forEach((key, sums) -> byFamily.computeIfAbsent(key.family(), f -> new HashMap<>()).put(key, sums));
        try {
            byFamily.forEach(this::saveCounters);
        } finally {
            landed(null);
        }
    }

    private void saveCounters(CounterFamily family, Map<CounterKey, GenerationBuilder.Counted> ofFamily) {
        MongoCollection<Document> collection = collection(family.collection());
        Map<String, Map<String, Long>> cache = knownOffsets.get(family);
        Map<CounterKey, String> ids = new HashMap<>(ofFamily.size() * 2);
        ofFamily.keySet().forEach(key -> ids.put(key, documentId(key)));
        Set<String> absent = absent(collection, cache, ids.values());
        List<WriteModel<Document>> writes = new ArrayList<>(ofFamily.size());
        Map<String, Map<String, Long>> moved = new HashMap<>(ofFamily.size() * 2);
        ofFamily.forEach((key, sums) -> {
            String id = ids.get(key);
            Map<String, Long> applied = cache.get(id);
            Map<String, Long> offsets = sums.offsets();
            offsets.forEach((source, last) -> {
                if (applied.getOrDefault(source, -1L) >= last) {
                    throw new IllegalStateException("Counter " + id + " already counts " + source + " up to "
                            + applied.get(source) + ", beyond the fold's " + last);
                }
            });
            Map<String, Long> sum = new HashMap<>();
            for (int i = 0; i < sums.fields().size(); i++) {
                sum.merge(sums.fields().field(i), sums.fields().amount(i), Long::sum);
            }
            writes.add(counterWrite(key, id, sum, offsets, absent.contains(id)));
            moved.put(id, offsets);
        });
        bulkCounters(collection, cache, writes, moved);
    }

    /**
     * Which of {@code ids} no document holds yet: in a generation this store created, those its cache does not
     * know. Puts the offsets of the others into the cache.
     */
    private Set<String> absent(MongoCollection<Document> collection, Map<String, Map<String, Long>> cache,
                               Collection<String> ids) {
        Set<String> absent = new HashSet<>();
        if (authoritative) {
            ids.forEach(id -> {
                if (!cache.containsKey(id)) {
                    absent.add(id);
                }
            });
        }
        loadOffsets(collection, cache, ids);
        return absent;
    }

    /** One counter's write: inserted whole when {@code insert}, else its sums added and its offsets moved. */
    private static WriteModel<Document> counterWrite(CounterKey key, String id, Map<String, Long> sum,
                                                     Map<String, Long> offsets, boolean insert) {
        sum.values().removeIf(v -> v == 0);
        if (insert) {
            Document inserted = new Document("_id", id).append("scope", key.scope())
                    .append("dimension", key.dimension()).append("key", key.key());
            sum.forEach(inserted::append);
            return new InsertOneModel<>(inserted.append(OFFSETS, new Document(new HashMap<>(offsets))));
        }
        List<Bson> updates = new ArrayList<>(sum.size() + offsets.size() + 3);
        sum.forEach((field, value) -> updates.add(Updates.inc(field, value)));
        offsets.forEach((source, offset) -> updates.add(Updates.set(OFFSETS + "." + source, offset)));
        updates.add(Updates.setOnInsert("scope", key.scope()));
        updates.add(Updates.setOnInsert("dimension", key.dimension()));
        updates.add(Updates.setOnInsert("key", key.key()));
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), UPSERT);
    }

    /** Writes counters, then remembers the offsets they {@code moved} to (or forgets every offset if that fails). */
    private void bulkCounters(MongoCollection<Document> collection, Map<String, Map<String, Long>> cache,
                              List<WriteModel<Document>> writes, Map<String, Map<String, Long>> moved) {
        try {
            bulk(collection, writes);
        } catch (RuntimeException e) {
            cache.clear();
            authoritative = false;
            throw e;
        }
        moved.forEach((id, offsets) -> cache.computeIfAbsent(id, i -> new HashMap<>()).putAll(offsets));
    }

    /** Puts the stored offsets of the documents not in the cache into it (none exist in a fresh generation). */
    private void loadOffsets(MongoCollection<Document> collection, Map<String, Map<String, Long>> cache,
                             Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !cache.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (!authoritative) {
            for (Document stored : collection.find(Filters.in("_id", missing)).projection(Projections.include(OFFSETS))) {
                Map<String, Long> offsets = new HashMap<>();
                Document saved = stored.get(OFFSETS, Document.class);
                if (saved != null) {
                    saved.forEach((source, offset) -> offsets.put(source, ((Number) offset).longValue()));
                }
                cache.put(stored.getString("_id"), offsets);
            }
        }
        missing.forEach(id -> cache.computeIfAbsent(id, i -> new HashMap<>()));
    }

    static String documentId(CounterKey counter) {
        return escape(counter.scope()) + '|' + escape(counter.dimension()) + '|' + escape(counter.key());
    }

    /** Keeps ids unambiguous whatever the values contain (topic names cannot contain '|' or '%'). */
    static String escape(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }

    // ---------------------------------------------------------------- sets

    private void writeSets(List<SetAddition> additions) {
        if (additions.isEmpty()) {
            return;
        }
        Map<String, List<SetAddition>> bySet = new LinkedHashMap<>();
        additions.forEach(a -> bySet.computeIfAbsent(setId(a.scope(), a.kind(), a.key()), id -> new ArrayList<>()).add(a));
        MongoCollection<Document> sets = collection("sets");
        Map<String, Set<String>> present = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        bySet.keySet().forEach(id -> {
            Set<String> cached = setMembers.get(id);
            if (cached != null) {
                present.put(id, new HashSet<>(cached));
            } else {
                unknown.add(id);
            }
        });
        if (!unknown.isEmpty() && !authoritative) {
            for (Document set : sets.find(Filters.in("_id", unknown)).projection(Projections.include("members"))) {
                present.put(set.getString("_id"), new HashSet<>(set.getList("members", String.class, List.of())));
            }
        }
        List<WriteModel<RawBsonDocument>> inserts = new ArrayList<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        bySet.forEach((id, list) -> {
            Set<String> members = present.getOrDefault(id, new HashSet<>());
            List<String> added = new ArrayList<>();
            for (SetAddition addition : list) {
                if (members.add(addition.member())) {
                    added.add(addition.member());
                }
            }
            if (added.isEmpty()) {
                return;
            }
            SetAddition first = list.get(0);
            if (authoritative && !present.containsKey(id)) {
                // A set this store never wrote nor read in a generation it created: not stored yet.
                inserts.add(new InsertOneModel<>(setDocument(id, first.scope(), first.kind(), first.key(), added)));
                return;
            }
            // $addToSet keeps the set exact even if a crash between this write and the offsets' commit makes the
            // next attempt read a set without these members: n is only counted for members not yet present.
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                    Updates.addEachToSet("members", added), Updates.inc("n", (long) added.size()),
                    Updates.setOnInsert("scope", first.scope()), Updates.setOnInsert("kind", first.kind()),
                    Updates.setOnInsert("key", first.key())), UPSERT));
        });
        bulkSets(inserts, writes);
        bySet.forEach((id, list) -> {
            Set<String> members = setMembers.computeIfAbsent(id, i -> ConcurrentHashMap.newKeySet());
            members.addAll(present.getOrDefault(id, Set.of()));
            list.forEach(addition -> members.add(addition.member()));
        });
    }

    /**
     * Saves the sets a rebuild folded ({@link GenerationBuilder}): a set the generation does not hold yet is inserted
     * whole, without an addition per member; the members of the others are added as a batch's are.
     */
    void saveSets(Map<SetRef, ? extends Collection<String>> folded) {
        if (folded.isEmpty()) {
            return;
        }
        List<SetAddition> added = new ArrayList<>();
        List<WriteModel<RawBsonDocument>> inserts = new ArrayList<>(folded.size());
        Map<String, Collection<String>> inserted = new HashMap<>(folded.size() * 2);
        folded.forEach((set, members) -> {
            String id = setId(set.scope(), set.kind(), set.key());
            if (authoritative && !setMembers.containsKey(id)) {
                inserts.add(new InsertOneModel<>(setDocument(id, set.scope(), set.kind(), set.key(), members)));
                inserted.put(id, members);
            } else {
                members.forEach(member -> added.add(new SetAddition(set.scope(), set.kind(), set.key(), member)));
            }
        });
        try {
            bulkSets(inserts, List.of());
            inserted.forEach((id, members) -> {
                Set<String> cached = ConcurrentHashMap.newKeySet(members.size());
                cached.addAll(members);
                setMembers.put(id, cached);
            });
            writeSets(added);
        } finally {
            landed(null);
        }
    }

    /**
     * A new set's document, {@code {_id, scope, kind, key, members: [...], n}}, written as BSON directly: through
     * the driver's codecs, a member at a time, a rebuild's sets took longer to write than to fold.
     */
    private static RawBsonDocument setDocument(String id, String scope, String kind, String key,
                                               Collection<String> members) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeString("_id", id);
            writer.writeString("scope", scope);
            writer.writeString("kind", kind);
            writer.writeString("key", key);
            writer.writeStartArray("members");
            members.forEach(writer::writeString);
            writer.writeEndArray();
            writer.writeInt64("n", members.size());
            writer.writeEndDocument();
        }
        return new RawBsonDocument(buffer.toByteArray());
    }

    /** Inserts new sets and updates others; if that fails, forgets every set's members. */
    private void bulkSets(List<WriteModel<RawBsonDocument>> inserts, List<WriteModel<Document>> updates) {
        try {
            bulk(collection("sets").withDocumentClass(RawBsonDocument.class), inserts, PARALLEL_BULK_PART);
            bulk(collection("sets"), updates);
        } catch (RuntimeException e) {
            setMembers.clear();
            authoritative = false;
            throw e;
        }
    }

    static String setId(String scope, String kind, String key) {
        return escape(scope) + '|' + escape(kind) + '|' + escape(key);
    }

    // ---------------------------------------------------------------- facts

    private void writeFacts(Map<String, Map<String, Document>> changed) {
        changed.forEach((kind, byId) -> {
            List<WriteModel<Document>> writes = new ArrayList<>(byId.size());
            Map<String, byte[]> encoded = new LinkedHashMap<>();
            byId.forEach((id, fact) -> {
                // A fact the caches of an authoritative store do not hold is not stored yet: a plain insert will do.
                writes.add(FactPages.factWrite(id, fact, authoritative && facts.get(kind, id) == null));
                encoded.put(id, FactPages.encode(fact));
            });
            try {
                bulk(database.getCollection(factCollection(kind)), writes);
            } catch (RuntimeException e) {
                facts.clear();
                authoritative = false;
                throw e;
            }
            encoded.forEach((id, fact) -> facts.put(kind, id, fact));
        });
    }

    /**
     * Saves a rebuild's facts of {@code kind}, {@link FactPages#encode encoded}, into the generation's pages (see
     * {@link FactPages}: only while the generation is being rebuilt): the facts of several folds at once, each
     * holding other aggregates' (a parallel fold's shards).
     */
    void saveFacts(String kind, List<Map<String, byte[]>> folds) {
        Set<Integer> written = pagesWritten.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet());
        Set<Integer> newPages = new HashSet<>();
        if (authoritative) {
            // Every page this store did not write is missing from its fresh generation: insert those whole.
            folds.forEach(byId -> byId.keySet().forEach(id -> {
                int page = FactPages.pageOf(id);
                if (!written.contains(page)) {
                    newPages.add(page);
                }
            }));
        }
        // The facts are remembered while they are written (a million take about as long as writing them), and
        // forgotten again if the write fails.
        FutureTask<Void> remembered = new FutureTask<>(
                () -> folds.forEach(byId -> byId.forEach((id, fact) -> facts.put(kind, id, fact))), null);
        Thread rememberer = new Thread(remembered, "remember-facts-" + generation);
        rememberer.setDaemon(true);
        rememberer.start();
        boolean saved = false;
        try {
            bulk(database.getCollection(factCollection(kind)), FactPages.pageWrites(folds, newPages),
                    PARALLEL_PAGES_PART);
            remembered.get();
            saved = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the facts of " + kind + " were saved", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The facts of " + kind + " were written but not remembered", e.getCause());
        } finally {
            if (!saved) {
                awaitQuietly(remembered);
                facts.clear();
                authoritative = false;
            }
            landed(new Changes(Set.of(), Set.of()));
        }
        written.addAll(newPages);
    }

    /** Waits for {@code task} to end, even when interrupted (then the interrupt is kept), whatever its outcome. */
    private static void awaitQuietly(FutureTask<?> task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException ignored) {
                // the caller reports its own failure
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One unordered bulk write; a large one (a rebuild's) is split into one part per core, written in parallel over
     * as many connections. Every write names a document of its own, so the parts are independent.
     */
    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        bulk(collection, writes, PARALLEL_BULK_PART);
    }

    private static <T> void bulk(MongoCollection<T> collection, List<WriteModel<T>> writes, int minPart) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), writes.size() / minPart);
        if (parts <= 1) {
            if (!writes.isEmpty()) {
                collection.bulkWrite(writes, UNORDERED);
            }
            return;
        }
        int size = (writes.size() + parts - 1) / parts;
        List<List<WriteModel<T>>> split = new ArrayList<>();
        for (int from = 0; from < writes.size(); from += size) {
            split.add(writes.subList(from, Math.min(writes.size(), from + size)));
        }
        split.parallelStream().forEach(part -> collection.bulkWrite(part, UNORDERED));
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Map<String, Map<String, Map<String, Long>>> counters(CounterFamily family, String scope) {
        Map<String, Map<String, Map<String, Long>>> totals = new LinkedHashMap<>();
        for (Document document : collection(family.collection()).find(Filters.eq("scope", scope)).projection(FIGURES)) {
            addCounted(document, totals
                    .computeIfAbsent(document.getString("dimension"), d -> new LinkedHashMap<>())
                    .computeIfAbsent(document.getString("key"), k -> new HashMap<>()));
        }
        return totals;
    }

    @Override
    public Map<String, Map<String, Long>> counters(CounterFamily family, String scope, String dimension) {
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        for (Document document : collection(family.collection())
                .find(Filters.and(Filters.eq("scope", scope), Filters.eq("dimension", dimension))).projection(FIGURES)) {
            addCounted(document, totals.computeIfAbsent(document.getString("key"), k -> new HashMap<>()));
        }
        return totals;
    }

    /** The counted fields of the given counters of one family, by counter (those not stored are left out). */
    public Map<CounterKey, Map<String, Long>> counters(CounterFamily family, Collection<CounterKey> keys) {
        Map<CounterKey, Map<String, Long>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> ids = keys.stream().map(MongoReadModelStore::documentId).toList();
        for (Document document : collection(family.collection()).find(Filters.in("_id", ids)).projection(FIGURES)) {
            Map<String, Long> fields = new HashMap<>();
            addCounted(document, fields);
            found.put(new CounterKey(document.getString("scope"), document.getString("dimension"),
                    document.getString("key")), fields);
        }
        return found;
    }

    /** Adds the counted fields of a counter document (not its id, names or offsets) into {@code fields}. */
    private static void addCounted(Document counter, Map<String, Long> fields) {
        counter.forEach((name, value) -> {
            if (value instanceof Number number && !COUNTER_METADATA.contains(name)) {
                fields.merge(name, number.longValue(), Long::sum);
            }
        });
    }

    /** The sizes of the given sets of one scope and kind, by key (those not stored are left out). */
    public Map<String, Long> setSizes(String scope, String kind, Collection<String> keys) {
        Map<String, Long> sizes = new HashMap<>();
        if (keys.isEmpty()) {
            return sizes;
        }
        List<String> ids = keys.stream().map(key -> setId(scope, kind, key)).toList();
        for (Document set : collection("sets").find(Filters.in("_id", ids)).projection(Projections.include("key", "n"))) {
            sizes.put(set.getString("key"), ((Number) set.get("n")).longValue());
        }
        return sizes;
    }

    @Override
    public Document fact(String kind, String id) {
        return FactPages.find(database.getCollection(factCollection(kind)), List.of(id)).get(id);
    }

    @Override
    public List<Document> facts(String kind) {
        return new ArrayList<>(FactPages.all(database.getCollection(factCollection(kind))).values());
    }

    @Override
    public Map<String, Long> setSizes(String scope, String kind) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Document set : collection("sets").find(Filters.and(Filters.eq("scope", scope), Filters.eq("kind", kind)))
                .projection(Projections.include("key", "n"))) {
            sizes.put(set.getString("key"), ((Number) set.get("n")).longValue());
        }
        return sizes;
    }

    @Override
    public List<String> setMembers(String scope, String kind, String key) {
        Document set = collection("sets").find(Filters.eq("_id", setId(scope, kind, key))).first();
        return set == null ? List.of() : set.getList("members", String.class);
    }

    /** Drops every collection of this generation. */
    public void drop() {
        String suffix = "_" + generation;
        for (String name : database.listCollectionNames()) {
            if (name.endsWith(suffix)) {
                database.getCollection(name).drop();
            }
        }
    }
}
