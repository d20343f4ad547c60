package org.campaign.reporting.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values made once from their keys and kept: campaign scopes, counter groups, period names, differences of shared
 * amounts, figures worked out from shared organisation figures. Thread-safe; when two threads make a value at once,
 * both get the first one kept, so the value of a key is one object until the cache starts over. Bounded: past
 * {@code max} entries it starts over, and a key may then get a new, equal value.
 */
public final class BoundedCache<K, V> {

    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final int max;

    public BoundedCache(int max) {
        this.max = max;
    }

    /** The value of {@code key}, made by {@code make} (which must not answer {@code null}) when not kept. */
    public V get(K key, Function<? super K, ? extends V> make) {
        V value = entries.get(key);
        if (value != null) {
            return value;
        }
        if (entries.size() >= max) {
            entries.clear();
        }
        V made = make.apply(key);
        V kept = entries.putIfAbsent(key, made);
        return kept != null ? kept : made;
    }
}
