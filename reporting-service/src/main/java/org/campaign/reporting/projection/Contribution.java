package org.campaign.reporting.projection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one record (a pledge, a review…) adds to the counters in its current state: counter → field → amount.
 * When the record changes, the counters change by {@code contribution(new) - contribution(old)}
 * ({@link #applyDifference}), so every figure follows the record's status, dimensions and flags without
 * per-transition bookkeeping: a revised pledge whose kind changed leaves the old kind's counters and joins the new.
 * <p>
 * Amounts are kept per group of counters that receive the same fields (a pledge adds the same fields to its
 * district total, sector, township, kind… counters), so that the difference of two states whose groups are the
 * same — most events change a status or a flag, not a dimension — is computed once per group, not once per counter.
 * (A counter in two groups then receives the difference of each; the sum is the same.) A projection whose records
 * take few distinct states adds {@linkplain FieldAmounts#share shared} amounts, one instance per state, so that the
 * difference of two states is worked out once per kind of transition.
 */
public final class Contribution {

    private final Map<List<CounterKey>, FieldAmounts> groups = new LinkedHashMap<>();
    private List<CounterKey> lastKeys;
    private FieldAmounts lastAmounts;

    public Contribution add(CounterKey key, String field, long amount) {
        return add(List.of(key), field, amount);
    }

    /** Adds {@code amount} to {@code field} of every key. */
    public Contribution add(List<CounterKey> keys, String field, long amount) {
        if (amount != 0) {
            if (keys != lastKeys) {
                lastKeys = keys;
                lastAmounts = groups.get(keys);
                if (lastAmounts == null || lastAmounts.isShared()) {
                    FieldAmounts own = new FieldAmounts(12);
                    if (lastAmounts != null) {
                        own.addAll(lastAmounts);
                    }
                    lastAmounts = own;
                    groups.put(keys, own);
                }
            }
            lastAmounts.add(field, amount);
        }
        return this;
    }

    /** Adds {@linkplain FieldAmounts#share shared} amounts to every key, keeping them as they are. */
    public Contribution add(List<CounterKey> keys, FieldAmounts shared) {
        FieldAmounts present = groups.get(keys);
        if (present == null) {
            groups.put(keys, shared);
        } else {
            FieldAmounts sum = new FieldAmounts(present.size() + shared.size());
            sum.addAll(present);
            sum.addAll(shared);
            groups.put(keys, sum);
        }
        lastKeys = null;
        return this;
    }

    /** Counts {@code after - before} in {@code context}; either side may be empty. */
    public static void applyDifference(Contribution before, Contribution after, ProjectionContext context) {
        if (before.groups.isEmpty() || after.groups.isEmpty()) {
            after.groups.forEach((keys, amounts) -> count(keys, amounts, 1, context));
            before.groups.forEach((keys, amounts) -> count(keys, amounts, -1, context));
            return;
        }
        if (before.groups.keySet().equals(after.groups.keySet())) {
            after.groups.forEach((keys, amounts) ->
                    count(keys, FieldAmounts.difference(amounts, before.groups.get(keys)), 1, context));
            return;
        }
        Map<CounterKey, Map<String, Long>> delta = new LinkedHashMap<>();
        after.groups.forEach((keys, amounts) -> spread(keys, amounts, 1, delta));
        before.groups.forEach((keys, amounts) -> spread(keys, amounts, -1, delta));
        delta.forEach((key, fields) -> fields.forEach((field, amount) -> {
            if (amount != 0) {
                context.count(key, field, amount);
            }
        }));
    }

    /**
     * Counts {@code after - before} for a record that contributes to one group of counters in each state (see
     * {@link #add(List, FieldAmounts)}), without making the two contributions when the group stays the same.
     */
    public static void applyDifference(List<CounterKey> keysBefore, FieldAmounts before, List<CounterKey> keysAfter,
                                       FieldAmounts after, ProjectionContext context) {
        if (keysBefore.equals(keysAfter)) {
            count(keysAfter, FieldAmounts.difference(after, before), 1, context);
        } else {
            applyDifference(new Contribution().add(keysBefore, before), new Contribution().add(keysAfter, after),
                    context);
        }
    }

    /** Counts the contribution of a new record to one group of counters. */
    public static void applyAdded(List<CounterKey> keys, FieldAmounts amounts, ProjectionContext context) {
        count(keys, amounts, 1, context);
    }

    private static void spread(List<CounterKey> keys, FieldAmounts amounts, int sign,
                               Map<CounterKey, Map<String, Long>> delta) {
        for (CounterKey key : keys) {
            Map<String, Long> ofKey = delta.computeIfAbsent(key, k -> new HashMap<>());
            for (int i = 0; i < amounts.size(); i++) {
                ofKey.merge(amounts.field(i), sign * amounts.amount(i), Long::sum);
            }
        }
    }

    private static void count(List<CounterKey> keys, FieldAmounts amounts, int sign, ProjectionContext context) {
        for (int i = 0; i < amounts.size(); i++) {
            count(keys, amounts.field(i), sign * amounts.amount(i), context);
        }
    }

    private static void count(List<CounterKey> keys, String field, long amount, ProjectionContext context) {
        if (amount != 0) {
            context.count(keys, field, amount);
        }
    }
}
