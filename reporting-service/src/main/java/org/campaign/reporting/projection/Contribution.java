package org.campaign.reporting.projection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one record (a pledge, a review…) adds to the counters in its current state: counter → field → amount.
 * When the record changes, the counters change by {@code contribution(new) - contribution(old)}
 * ({@link #applyDifference}), so every figure follows the record's status, dimensions and flags without
 * per-transition bookkeeping: a revised pledge whose kind changed leaves the old kind's counters and joins the new.
 */
public final class Contribution {

    private final Map<CounterKey, Map<String, Long>> amounts = new LinkedHashMap<>();

    public Contribution add(CounterKey key, String field, long amount) {
        if (amount != 0) {
            amounts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(field, amount, Long::sum);
        }
        return this;
    }

    /** Adds {@code amount} to {@code field} of every key. */
    public Contribution add(Iterable<CounterKey> keys, String field, long amount) {
        for (CounterKey key : keys) {
            add(key, field, amount);
        }
        return this;
    }

    /** Counts {@code after - before} in {@code context}; either side may be empty. */
    public static void applyDifference(Contribution before, Contribution after, ProjectionContext context) {
        Map<CounterKey, Map<String, Long>> delta = new LinkedHashMap<>();
        after.amounts.forEach((key, fields) -> fields.forEach((field, amount) ->
                delta.computeIfAbsent(key, k -> new HashMap<>()).merge(field, amount, Long::sum)));
        before.amounts.forEach((key, fields) -> fields.forEach((field, amount) ->
                delta.computeIfAbsent(key, k -> new HashMap<>()).merge(field, -amount, Long::sum)));
        delta.forEach((key, fields) -> fields.forEach((field, amount) -> {
            if (amount != 0) {
                context.count(key, field, amount);
            }
        }));
    }

    public static Contribution none() {
        return new Contribution();
    }
}
