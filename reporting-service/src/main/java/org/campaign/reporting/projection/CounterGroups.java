package org.campaign.reporting.projection;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * Canonical groups of counter keys: the same immutable list object for every record with the same dimensions, so
 * that the engine, which sums deltas per group, finds a group by identity (and by a hash computed once) instead of
 * hashing and comparing its keys one by one. Bounded: past {@value #MAX_GROUPS} groups the cache starts over.
 * Thread-safe.
 */
public final class CounterGroups {

    private static final int MAX_GROUPS = 500_000;

    private final BoundedCache<List<String>, List<CounterKey>> canonical = new BoundedCache<>(MAX_GROUPS);

    /**
     * The group of the given parts (which must determine the keys; any may be {@code null}, and the list must not
     * change afterwards), made by {@code keys} when new.
     */
    public List<CounterKey> of(List<String> parts, Supplier<List<CounterKey>> keys) {
        return canonical.get(parts, p -> new Group(keys.get()));
    }

    /** {@code keys} itself when it is a group of this kind (they never change), or else an immutable copy. */
    public static List<CounterKey> immutable(List<CounterKey> keys) {
        return keys instanceof Group ? keys : List.copyOf(keys);
    }

    /** An immutable list of keys that keeps its hash: it is looked up in maps once or more per event. */
    private static final class Group extends AbstractList<CounterKey> implements RandomAccess {

        private final CounterKey[] keys;
        private final int hash;

        Group(List<CounterKey> keys) {
            this.keys = keys.toArray(CounterKey[]::new);
            this.hash = Arrays.asList(this.keys).hashCode();
        }

        @Override
        public CounterKey get(int index) {
            return keys[index];
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            if (other instanceof Group group && group.hash != hash) {
                return false;
            }
            return super.equals(other);
        }
    }
}
