package org.campaign.reporting.store;

import org.bson.Document;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.SourcePosition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a batch of records changes in a read model, written by {@link ReadModelStore#write}. */
public final class BatchChanges {

    /**
     * {@code delta} added to {@code field} of every counter in {@code keys} by the record at {@code position};
     * {@code source} names the record's topic-partition ({@link SourcePosition#source()}). A record usually adds the
     * same amounts to a group of counters (a pledge to its district, sector, township… counters), kept as one delta.
     */
    public record CounterDelta(List<CounterKey> keys, SourcePosition position, String source, String field,
                               long delta) {
    }

    /** {@code member} added to the set {@code (scope, kind, key)}. */
    public record SetAddition(String scope, String kind, String key, String member) {
    }

    private final List<CounterDelta> counters;
    private final List<SetAddition> sets = new ArrayList<>();
    private final Map<String, Map<String, Document>> facts = new LinkedHashMap<>();

    public BatchChanges() {
        this(10);
    }

    /** Changes of a batch expected to hold about {@code expectedCounters} counter deltas. */
    public BatchChanges(int expectedCounters) {
        counters = new ArrayList<>(expectedCounters);
    }

    public void count(CounterDelta delta) {
        counters.add(delta);
    }

    public void addToSet(SetAddition addition) {
        sets.add(addition);
    }

    /**
     * Drops the counter deltas and set additions made after the first {@code counterCount} and {@code setCount}
     * (as {@link #counters()} and {@link #sets()} counted them before): the changes of a record whose projection
     * failed part-way.
     */
    public void discardAfter(int counterCount, int setCount) {
        counters.subList(counterCount, counters.size()).clear();
        sets.subList(setCount, sets.size()).clear();
    }

    /** The fact of {@code id}, which carries its {@code lastSequence}; a later save of the same id replaces it. */
    public void saveFact(String kind, String id, Document fact) {
        facts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, fact);
    }

    public List<CounterDelta> counters() {
        return counters;
    }

    public List<SetAddition> sets() {
        return sets;
    }

    public Map<String, Map<String, Document>> facts() {
        return facts;
    }

    public boolean isEmpty() {
        return counters.isEmpty() && sets.isEmpty() && facts.isEmpty();
    }
}
