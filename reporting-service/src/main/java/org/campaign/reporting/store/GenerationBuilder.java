package org.campaign.reporting.store;

import org.bson.Document;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.FieldAmounts;
import org.campaign.reporting.projection.SourcePosition;
import org.campaign.reporting.store.BatchChanges.CounterDelta;
import org.campaign.reporting.store.BatchChanges.SetAddition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
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
 * statistic and source partition, set members gathered, only the latest fact of each aggregate kept — and written
 * into the {@link MongoReadModelStore} of the generation by {@link #flush}, in one bulk write per collection.
 * <p>
 * Replaying a topic batch by batch writes each counter document once per batch it changes (several thousand
 * writes per batch of 10,000 records) and each fact once per batch its aggregate appears in; folded, the rebuild
 * writes each counter, set and fact once. Deltas are summed per group of counters ({@link CounterDelta#keys()})
 * while folding — a pledge's event changes some twenty counters by the same amounts — and spread over the counters
 * when written. The figures are the same: a flush writes ordinary {@link BatchChanges} in which each counter's
 * field carries the sum of its deltas at the position of the newest record that contributed, so the generation's
 * offset guards end up where applying the batches one by one would have left them.
 * <p>
 * Nothing reads a generation before the switch-over and a rebuild that fails drops its generation, so folding
 * loses no guarantee (and the counters, sets and facts are written at the same time); the rebuild flushes before it
 * catches up with the live end, and whenever a builder is {@link #full} (it holds {@code maxFacts} facts), to bound
 * memory. Not thread-safe: a rebuild that folds in parallel gives each thread a builder of its own, and joins them
 * ({@link #absorb}) to write them.
 */
public final class GenerationBuilder implements ProjectionTarget {

    private static final Logger log = LoggerFactory.getLogger(GenerationBuilder.class);

    /** The fold of one group of counters' deltas from one source partition. */
    private static final class Sum {
        SourcePosition last;
        final FieldAmounts fields = new FieldAmounts(4);

        void add(SourcePosition position, String field, long delta) {
            moveTo(position);
            fields.add(field, delta);
        }

        void addAll(Sum other) {
            if (other.fields.size() > 0) {
                moveTo(other.last);
                fields.addAll(other.fields);
            }
        }

        private void moveTo(SourcePosition position) {
            if (last == null || last.offset() < position.offset()) {
                last = position;
            }
        }
    }

    private final MongoReadModelStore target;
    private final int maxFacts;
    /** Deltas folded per group of counters: source partition → group → sum. */
    private final Map<String, Map<List<CounterKey>, Sum>> counters = new HashMap<>();
    private String lastSource;
    private Map<List<CounterKey>, Sum> lastSums;
    private List<CounterKey> lastKeys;
    private Sum lastSum;
    /** The groups' sums {@link #spread} over their counters: source partition → counter → sum. */
    private final Map<String, Map<CounterKey, Sum>> perCounter = new HashMap<>();
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
                lastSums = counters.computeIfAbsent(lastSource, s -> new HashMap<>());
                lastKeys = null;
            }
            if (delta.keys() != lastKeys) {
                lastKeys = delta.keys();
                lastSum = lastSums.computeIfAbsent(lastKeys, k -> new Sum());
            }
            lastSum.add(delta.position(), delta.field(), delta.delta());
        }
        for (SetAddition addition : changes.sets()) {
            members.computeIfAbsent(new SetRef(addition.scope(), addition.kind(), addition.key()),
                    set -> new LinkedHashSet<>()).add(addition.member());
        }
        changes.facts().forEach((kind, byId) -> {
            Map<String, byte[]> held = held(kind);
            byId.forEach((id, fact) -> hold(held, id, FactPages.encode(fact)));
        });
    }

    /**
     * Takes over everything {@code other} folded, leaving it empty: so that several folds are written as one. Its
     * groups' sums are {@link #spread} first (a parallel fold has each thread spread its own beforehand).
     */
    public void absorb(GenerationBuilder other) {
        other.spread();
        other.perCounter.forEach((source, sums) -> {
            Map<CounterKey, Sum> mine = perCounter.computeIfAbsent(source, s -> new HashMap<>());
            sums.forEach((key, sum) -> mine.computeIfAbsent(key, k -> new Sum()).addAll(sum));
        });
        other.members.forEach((set, ofSet) -> members.computeIfAbsent(set, s -> new LinkedHashSet<>()).addAll(ofSet));
        other.facts.forEach((kind, byId) -> {
            Map<String, byte[]> held = held(kind);
            byId.forEach((id, fact) -> hold(held, id, fact));
        });
        other.clear();
    }

    /**
     * Spreads the sums folded per group of counters over the counters, as {@link #flush} does: done by each thread
     * of a parallel fold for its own builder before they are joined, it spreads the groups in parallel.
     */
    public void spread() {
        counters.forEach((source, sums) -> {
            Map<CounterKey, Sum> ofSource = perCounter.computeIfAbsent(source, s -> new HashMap<>());
            sums.forEach((keys, sum) -> {
                for (CounterKey key : keys) {
                    ofSource.computeIfAbsent(key, k -> new Sum()).addAll(sum);
                }
            });
        });
        forgetGroups();
    }

    private Map<String, byte[]> held(String kind) {
        return facts.computeIfAbsent(kind, k -> new HashMap<>());
    }

    private void hold(Map<String, byte[]> held, String id, byte[] fact) {
        if (held.put(id, fact) == null) {
            factCount++;
        }
    }

    /** Whether it holds {@code maxFacts} facts or more: time to {@link #flush}. */
    public boolean full() {
        return factCount >= maxFacts;
    }

    /**
     * Writes everything folded so far into the generation: its counters, its sets and its facts, each in bulk and the
     * three at the same time (they are separate collections and nothing reads the generation yet).
     */
    public void flush() {
        spread();
        if (perCounter.isEmpty() && members.isEmpty() && facts.isEmpty()) {
            return;
        }
        BatchChanges counted = new BatchChanges();
        perCounter.forEach((source, sums) -> sums.forEach((key, sum) -> {
            for (int i = 0; i < sum.fields.size(); i++) {
                counted.count(new CounterDelta(List.of(key), sum.last, source, sum.fields.field(i),
                        sum.fields.amount(i)));
            }
        }));
        BatchChanges added = new BatchChanges();
        members.forEach((set, ofSet) -> ofSet.forEach(member ->
                added.addToSet(new SetAddition(set.scope(), set.kind(), set.key(), member))));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Long> sets = CompletableFuture.supplyAsync(() -> timed(() -> target.write(added)), writers);
            CompletableFuture<Long> factsWritten = CompletableFuture.supplyAsync(
                    () -> timed(() -> facts.forEach(target::saveFacts)), writers);
            long countersMillis = timed(() -> target.write(counted));
            log.info("Generation {}: wrote {} counter fields in {} ms, {} sets in {} ms, {} facts in {} ms, at once",
                    target.generation(), counted.counters().size(), countersMillis, members.size(), sets.join(),
                    factCount, factsWritten.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            writers.shutdown();
        }
        clear();
    }

    private static long timed(Runnable write) {
        long started = System.nanoTime();
        write.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void forgetGroups() {
        counters.clear();
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
