package org.campaign.reporting.projection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Canonical groups of counter keys: the same immutable list object for every record with the same dimensions, so
 * that the engine, which sums deltas per group, finds a group by identity instead of comparing its keys one by
 * one. Bounded: past {@value #MAX_GROUPS} groups the cache starts over. Thread-safe.
 */
public final class CounterGroups {

    private static final int MAX_GROUPS = 100_000;

    private final Map<List<String>, List<CounterKey>> canonical = new ConcurrentHashMap<>();

    /**
     * The group of the given parts (which must determine the keys; any may be {@code null}, and the list must not
     * change afterwards), made by {@code keys} when new.
     */
    public List<CounterKey> of(List<String> parts, Supplier<List<CounterKey>> keys) {
        List<CounterKey> group = canonical.get(parts);
        if (group != null) {
            return group;
        }
        if (canonical.size() >= MAX_GROUPS) {
            canonical.clear();
        }
        List<CounterKey> made = List.copyOf(keys.get());
        group = canonical.putIfAbsent(parts, made);
        return group != null ? group : made;
    }
}
