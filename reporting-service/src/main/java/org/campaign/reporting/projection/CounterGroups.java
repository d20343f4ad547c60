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

    private final Map<String, List<CounterKey>> canonical = new ConcurrentHashMap<>();

    /** An unambiguous name for a group of the given parts (any of which may be {@code null}). */
    public static String signature(String... parts) {
        StringBuilder signature = new StringBuilder(16 * parts.length);
        for (String part : parts) {
            // Separators that identifiers never contain; null is told apart from the text "null".
            signature.append(part == null ? "\u0001" : part).append('\u0000');
        }
        return signature.toString();
    }

    /** The group named {@code signature} (which must determine the keys), made by {@code keys} when new. */
    public List<CounterKey> of(String signature, Supplier<List<CounterKey>> keys) {
        List<CounterKey> group = canonical.get(signature);
        if (group != null) {
            return group;
        }
        if (canonical.size() >= MAX_GROUPS) {
            canonical.clear();
        }
        List<CounterKey> made = List.copyOf(keys.get());
        group = canonical.putIfAbsent(signature, made);
        return group != null ? group : made;
    }
}
