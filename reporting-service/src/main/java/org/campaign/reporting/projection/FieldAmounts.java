package org.campaign.reporting.projection;

import java.util.Arrays;

/**
 * Amounts by counted field, for the few fields a counter or a group of counters receives: kept in two arrays and
 * found by a linear search (field names are constants, so mostly by identity). Projecting or replaying a topic adds
 * to these tens of millions of times, where a map of boxed numbers made most of the garbage. Not thread-safe, except
 * once {@link #share shared}.
 * <p>
 * A projection whose records take few distinct states (a pledge's status and flags) keeps one shared instance per
 * state: it can no longer be added to, and the {@link #difference} between two shared instances is worked out once
 * and remembered, so that an event's deltas are computed once per kind of transition instead of once per event.
 */
public final class FieldAmounts {

    private static final int MAX_REMEMBERED = 64;

    private String[] fields;
    private long[] amounts;
    private int size;
    /** For a shared instance: its differences from the shared instances before it. */
    private BoundedCache<FieldAmounts, FieldAmounts> differences;

    public FieldAmounts(int expectedFields) {
        fields = new String[expectedFields];
        amounts = new long[expectedFields];
    }

    public void add(String field, long amount) {
        if (differences != null) {
            throw new IllegalStateException("Shared amounts cannot change");
        }
        int i = indexOf(field);
        if (i >= 0) {
            amounts[i] += amount;
            return;
        }
        if (size == fields.length) {
            fields = Arrays.copyOf(fields, Math.max(4, size * 2));
            amounts = Arrays.copyOf(amounts, Math.max(4, size * 2));
        }
        fields[size] = field;
        amounts[size++] = amount;
    }

    /** Adds every amount of {@code other}. */
    public void addAll(FieldAmounts other) {
        for (int i = 0; i < other.size; i++) {
            add(other.fields[i], other.amounts[i]);
        }
    }

    public int indexOf(String field) {
        for (int i = 0; i < size; i++) {
            if (fields[i] == field) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (fields[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** The amount of {@code field}, 0 when it has none. */
    public long get(String field) {
        int i = indexOf(field);
        return i < 0 ? 0 : amounts[i];
    }

    public int size() {
        return size;
    }

    public String field(int i) {
        return fields[i];
    }

    public long amount(int i) {
        return amounts[i];
    }

    /** Makes these amounts unchangeable, so that they can be kept for a state and used by several threads. */
    public FieldAmounts share() {
        differences = new BoundedCache<>(MAX_REMEMBERED);
        return this;
    }

    public boolean isShared() {
        return differences != null;
    }

    /** {@code after - before}, field by field, leaving out the fields that do not change; not to be changed. */
    public static FieldAmounts difference(FieldAmounts after, FieldAmounts before) {
        if (after.differences == null || before.differences == null) {
            return subtract(after, before);
        }
        return after.differences.get(before, earlier -> subtract(after, earlier).share());
    }

    private static FieldAmounts subtract(FieldAmounts after, FieldAmounts before) {
        FieldAmounts difference = new FieldAmounts(after.size + before.size);
        for (int i = 0; i < after.size; i++) {
            long change = after.amounts[i] - before.get(after.fields[i]);
            if (change != 0) {
                difference.add(after.fields[i], change);
            }
        }
        for (int i = 0; i < before.size; i++) {
            if (before.amounts[i] != 0 && after.indexOf(before.fields[i]) < 0) {
                difference.add(before.fields[i], -before.amounts[i]);
            }
        }
        return difference;
    }
}
