package org.campaign.reporting.store;

import org.bson.Document;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.FieldAmounts;
import org.campaign.reporting.store.BatchChanges.CounterDelta;
import org.campaign.reporting.store.BatchChanges.SetAddition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a fresh generation for a rebuild: the batches' changes are folded in memory — counters summed per
 * statistic, set members gathered, only the latest fact of each aggregate kept — and written into the
 * {@link MongoReadModelStore} of the generation by {@link #flush}, in one bulk write per collection.
 * <p>
 * Replaying a topic batch by batch writes each counter document once per batch it changes (several thousand
 * writes per batch of 10,000 records) and each fact once per batch its aggregate appears in; folded, the rebuild
 * writes each counter, set and fact once. Deltas are summed per group of counters ({@link CounterDelta#keys()}) and
 * source partition while folding — a pledge's event changes some twenty counters by the same amounts — and spread
 * over the counters when written. The figures are the same: each counter is written with the sum of its deltas
 * and, per source partition, the offset of the newest record that contributed, so the generation's offset guards
 * end up where applying the batches one by one would have left them.
 * <p>
 * Nothing reads a generation before the switch-over and a rebuild that fails drops its generation, so folding
 * loses no guarantee (and the counters, sets and facts are written at the same time); the rebuild flushes before it
 * catches up with the live end, and whenever a builder is {@link #full} (it holds {@code maxFacts} facts), to bound
 * memory. Not thread-safe: a rebuild that folds in parallel gives each thread a builder of its own, and writes them
 * together ({@link #flush(List)}).
 */
public final class GenerationBuilder implements ProjectionTarget {

    private static final Logger log = LoggerFactory.getLogger(GenerationBuilder.class);

    /** The fold of one group of counters' deltas from one source partition. */
    private static final class Sum {
        long last = -1;
        final FieldAmounts fields = new FieldAmounts(4);

        void add(long offset, String field, long delta) {
            last = Math.max(last, offset);
            fields.add(field, delta);
        }
    }

    /**
     * What a fold adds to one counter (or to a group of counters): its fields summed over every source partition,
     * and per source the offset of the last record that contributed (-1 for none), by the source's number in
     * {@code sources}.
     */
    static final class Counted {
        private final List<String> sources;
        private final FieldAmounts fields = new FieldAmounts(4);
        private long[] offsets;

        private Counted(List<String> sources) {
            this.sources = sources;
            this.offsets = new long[sources.size()];
            Arrays.fill(offsets, -1);
        }

        private void add(int source, long offset, FieldAmounts amounts) {
            fields.addAll(amounts);
            moveTo(source, offset);
        }

        /** Adds {@code other}, whose source numbers are those of {@code this}. */
        private void addAll(Counted other) {
            fields.addAll(other.fields);
            for (int source = 0; source < other.offsets.length; source++) {
                moveTo(source, other.offsets[source]);
            }
        }

        private void moveTo(int source, long offset) {
            if (source >= offsets.length) {
                int size = offsets.length;
                offsets = Arrays.copyOf(offsets, Math.max(source + 1, sources.size()));
                Arrays.fill(offsets, size, offsets.length, -1);
            }
            offsets[source] = Math.max(offsets[source], offset);
        }

        FieldAmounts fields() {
            return fields;
        }

        /** Per source partition that contributed, the offset of its last record. */
        Map<String, Long> offsets() {
            Map<String, Long> named = new HashMap<>(offsets.length * 2);
            for (int source = 0; source < offsets.length; source++) {
                if (offsets[source] >= 0) {
                    named.put(sources.get(source), offsets[source]);
                }
            }
            return named;
        }
    }

    private final MongoReadModelStore target;
    private final int maxFacts;
    /** The source partitions met, numbered in the order met. */
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceNumbers = new HashMap<>();
    /** Deltas folded per group of counters: source number → group → sum. */
    private final List<Map<List<CounterKey>, Sum>> counters = new ArrayList<>();
    private String lastSource;
    private Map<List<CounterKey>, Sum> lastSums;
    private List<CounterKey> lastKeys;
    private Sum lastSum;
    /** The groups' sums {@link #spread} over their counters. */
    private final Map<CounterKey, Counted> perCounter = new HashMap<>();
    private final Map<SetRef, Set<String>> members = new LinkedHashMap<>();
    /** The latest fact of each aggregate, by kind and id, {@link FactPages#encode encoded}. */
    private final Map<String, Map<String, byte[]>> facts = new LinkedHashMap<>();
    private int factCount;

    public GenerationBuilder(MongoReadModelStore target, int maxFacts) {
        this.target = target;
        this.maxFacts = maxFacts;
    }

    @Override
    public Map<String, Document> loadFacts(String kind, Collection<String> ids) {
        Map<String, byte[]> held = facts.getOrDefault(kind, Map.of());
        Map<String, Document> found = new HashMap<>();
        List<String> flushed = new ArrayList<>();
        for (String id : ids) {
            byte[] fact = held.get(id);
            if (fact != null) {
                found.put(id, FactPages.decode(fact));
            } else {
                flushed.add(id);
            }
        }
        if (!flushed.isEmpty()) {
            found.putAll(target.loadFacts(kind, flushed));
        }
        return found;
    }

    @Override
    public void write(BatchChanges changes) {
        for (CounterDelta delta : changes.counters()) {
            // A batch's deltas come partition by partition, and an event's group by group: look a partition's sums
            // and a group's sum up once for each run.
            if (delta.source() != lastSource) {
                lastSource = delta.source();
                lastSums = counters.get(sourceNumber(lastSource));
                lastKeys = null;
            }
            if (delta.keys() != lastKeys) {
                lastKeys = delta.keys();
                lastSum = lastSums.computeIfAbsent(lastKeys, k -> new Sum());
            }
            lastSum.add(delta.position().offset(), delta.field(), delta.delta());
        }
        for (SetAddition addition : changes.sets()) {
            members.computeIfAbsent(new SetRef(addition.scope(), addition.kind(), addition.key()),
                    set -> new LinkedHashSet<>()).add(addition.member());
        }
        changes.facts().forEach((kind, byId) -> {
            Map<String, byte[]> held = facts.computeIfAbsent(kind, k -> new HashMap<>());
            byId.forEach((id, fact) -> {
                if (held.put(id, FactPages.encode(fact)) == null) {
                    factCount++;
                }
            });
        });
    }

    private int sourceNumber(String source) {
        Integer number = sourceNumbers.get(source);
        if (number == null) {
            number = sources.size();
            sources.add(source);
            sourceNumbers.put(source, number);
            counters.add(new HashMap<>());
        }
        return number;
    }

    /**
     * Spreads the sums folded per group of counters over the counters, as {@link #flush} does: done by each thread
     * of a parallel fold for its own builder before they are written together, it spreads the groups in parallel.
     * A group's sums from every source partition are joined first, so that each counter takes a group's sums once.
     */
    public void spread() {
        Map<List<CounterKey>, Counted> groups = new HashMap<>();
        for (int source = 0; source < counters.size(); source++) {
            int number = source;
            counters.get(source).forEach((keys, sum) ->
                    groups.computeIfAbsent(keys, k -> new Counted(sources)).add(number, sum.last, sum.fields));
        }
        groups.forEach((keys, group) -> {
            for (CounterKey key : keys) {
                perCounter.computeIfAbsent(key, k -> new Counted(sources)).addAll(group);
            }
        });
        forgetGroups();
    }

    /** Whether it holds {@code maxFacts} facts or more: time to {@link #flush}. */
    public boolean full() {
        return factCount >= maxFacts;
    }

    /** Writes everything folded so far into the generation (see {@link #flush(List)}). */
    public void flush() {
        flush(List.of(this));
    }

    /**
     * Writes everything the builders folded so far into their generation, as one: their counters, sets and facts,
     * each in bulk and the three at the same time (they are separate collections and nothing reads the generation
     * yet). Their folds may share counters and sets, not aggregates (a parallel fold's shards hold other source
     * partitions). Each builder's sums are {@link #spread} first. The builders are left empty, also when the write
     * fails (a rebuild then drops its generation).
     */
    public static void flush(List<GenerationBuilder> builders) {
        MongoReadModelStore target = builders.get(0).target;
        for (GenerationBuilder builder : builders) {
            if (builder.target != target) {
                throw new IllegalArgumentException("Builders of generations " + target.generation() + " and "
                        + builder.target.generation() + " cannot be written as one");
            }
        }
        try {
            List<String> sources = new ArrayList<>();
            Map<CounterKey, Counted> counted = new HashMap<>();
            Map<SetRef, Set<String>> members = new LinkedHashMap<>();
            Map<String, List<Map<String, byte[]>>> facts = new LinkedHashMap<>();
            int factCount = 0;
            for (GenerationBuilder builder : builders) {
                builder.spread();
                builder.joinCountersInto(counted, sources);
                builder.members.forEach((set, ofSet) -> members.merge(set, ofSet, (mine, theirs) -> {
                    mine.addAll(theirs);
                    return mine;
                }));
                builder.facts.forEach((kind, byId) -> facts.computeIfAbsent(kind, k -> new ArrayList<>()).add(byId));
                factCount += builder.factCount;
            }
            if (!counted.isEmpty() || !members.isEmpty() || !facts.isEmpty()) {
                write(target, counted, members, facts, factCount);
            }
        } finally {
            builders.forEach(GenerationBuilder::clear);
        }
    }

    /** Adds this builder's counters to {@code joined}, whose source numbers are those of {@code joinedSources}. */
    private void joinCountersInto(Map<CounterKey, Counted> joined, List<String> joinedSources) {
        int[] numbers = new int[sources.size()];
        for (int source = 0; source < numbers.length; source++) {
            int number = joinedSources.indexOf(sources.get(source));
            if (number < 0) {
                number = joinedSources.size();
                joinedSources.add(sources.get(source));
            }
            numbers[source] = number;
        }
        perCounter.forEach((key, sums) -> {
            Counted mine = joined.computeIfAbsent(key, k -> new Counted(joinedSources));
            mine.fields.addAll(sums.fields);
            for (int source = 0; source < sums.offsets.length; source++) {
                if (sums.offsets[source] >= 0) {
                    mine.moveTo(numbers[source], sums.offsets[source]);
                }
            }
        });
    }

    private static void write(MongoReadModelStore target, Map<CounterKey, Counted> counted,
                              Map<SetRef, Set<String>> members, Map<String, List<Map<String, byte[]>>> facts,
                              int factCount) {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Long> sets = CompletableFuture.supplyAsync(() -> timed(() -> target.saveSets(members)),
                    writers);
            CompletableFuture<Long> factsWritten = CompletableFuture.supplyAsync(
                    () -> timed(() -> facts.forEach(target::saveFacts)), writers);
            long countersMillis;
            try {
                countersMillis = timed(() -> target.saveCounters(counted));
            } catch (RuntimeException e) {
                // Nothing may still write into the generation once the failure is reported (it is then dropped).
                CompletableFuture.allOf(sets, factsWritten).exceptionally(other -> null).join();
                throw e;
            }
            log.info("Generation {}: wrote {} counters in {} ms, {} sets in {} ms, {} facts in {} ms, at once",
                    target.generation(), counted.size(), countersMillis, members.size(), sets.join(), factCount,
                    factsWritten.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            writers.shutdown();
        }
    }

    private static long timed(Runnable write) {
        long started = System.nanoTime();
        write.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void forgetGroups() {
        counters.forEach(Map::clear);
        lastSource = null;
        lastSums = null;
        lastKeys = null;
        lastSum = null;
    }

    private void clear() {
        forgetGroups();
        perCounter.clear();
        members.clear();
        facts.clear();
        factCount = 0;
    }
}
