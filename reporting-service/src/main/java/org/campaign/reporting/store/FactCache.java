package org.campaign.reporting.store;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts a generation's writer has read or written, least recently used first out once {@code capacity} is
 * reached. Used by the single writer thread of a generation only.
 */
final class FactCache {

    private final int capacity;
    private final Runnable onEviction;
    private final Map<String, Document> entries;

    FactCache(int capacity, Runnable onEviction) {
        this.capacity = capacity;
        this.onEviction = onEviction;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                boolean full = size() > FactCache.this.capacity;
                if (full) {
                    FactCache.this.onEviction.run();
                }
                return full;
            }
        };
    }

    synchronized Document get(String kind, String id) {
        return entries.get(kind + '\u0000' + id);
    }

    synchronized void put(String kind, String id, Document fact) {
        entries.put(kind + '\u0000' + id, fact);
    }

    synchronized void clear() {
        entries.clear();
    }
}
