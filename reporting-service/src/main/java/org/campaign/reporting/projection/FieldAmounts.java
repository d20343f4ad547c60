package org.campaign.reporting.projection;

import java.util.Arrays;

/**
 * Amounts by counted field, for the few fields a counter or a group of counters receives: kept in two arrays and
 * found by a linear search (field names are constants, so mostly by identity). Projecting or replaying a topic adds
 * to these tens of millions of times, where a map of boxed numbers made most of the garbage. Not thread-safe.
 */
public final class FieldAmounts {

    private String[] fields;
    private long[] amounts;
    private int size;

    public FieldAmounts(int expectedFields) {
        fields = new String[expectedFields];
        amounts = new long[expectedFields];
    }

    public void add(String field, long amount) {
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
            if (fields[i] == field || fields[i].equals(field)) {
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
}
