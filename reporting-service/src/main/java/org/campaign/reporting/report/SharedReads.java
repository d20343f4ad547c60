package org.campaign.reporting.report;

import org.campaign.reporting.store.MongoReadModelStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What reports read from a generation's store, shared between requests in the instance whose writes are
 * {@linkplain LiveWrites#here here}: kept while the store writes nothing, after writes brought up to date from what
 * they changed ({@link MongoReadModelStore#changesSince}), and read again in full when the store no longer remembers
 * them all. Elsewhere every request reads. At most {@code max} reads are kept; all are forgotten when full.
 */
final class SharedReads<K, V> {

    private record Read<V>(MongoReadModelStore store, long version, V value) {
    }

    private final Map<K, Read<V>> reads = new ConcurrentHashMap<>();
    private final LiveWrites writes;
    private final int max;

    SharedReads(LiveWrites writes, int max) {
        this.writes = writes;
        this.max = max;
    }

    /**
     * The value of {@code key}: shared, brought up to date by {@code refresh} (which answers the value itself when
     * nothing it holds changed), or read by {@code load}.
     */
    V get(MongoReadModelStore store, K key, Supplier<V> load,
          BiFunction<V, MongoReadModelStore.Changes, V> refresh) {
        long version = writes.version(store);
        if (version < 0) {
            return load.get();
        }
        Read<V> current = reads.get(key);
        V value = null;
        if (current != null && current.store() == store) {
            if (current.version() == version) {
                return current.value();
            }
            MongoReadModelStore.Changes changes = store.changesSince(current.version());
            if (changes != null) {
                value = refresh.apply(current.value(), changes);
            }
        }
        if (value == null) {
            value = load.get();
        }
        if (reads.size() >= max) {
            reads.clear();
        }
        reads.put(key, new Read<>(store, version, value));
        return value;
    }
}
