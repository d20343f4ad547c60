package org.campaign.reporting.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts a generation's writer has read or written, {@link FactPages#encode encoded}, least recently used first
 * out once {@code capacity} is reached. Used by the single writer of a generation (and a thread it starts to
 * remember a rebuild's facts while it writes them).
 */
final class FactCache {

    private final int capacity;
    private final Runnable onEviction;
    private final Map<String, byte[]> entries;

    FactCache(int capacity, Runnable onEviction) {
        this.capacity = capacity;
        this.onEviction = onEviction;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                boolean full = size() > FactCache.this.capacity;
                if (full) {
                    FactCache.this.onEviction.run();
                }
                return full;
            }
        };
    }

    synchronized byte[] get(String kind, String id) {
        return entries.get(kind + '\u0000' + id);
    }

    synchronized void put(String kind, String id, byte[] fact) {
        entries.put(kind + '\u0000' + id, fact);
    }

    synchronized void clear() {
        entries.clear();
    }
}
