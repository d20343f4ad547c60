package org.campaign.reporting.report;

import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The district-wide breakdowns of a scope (its {@link CounterFamily#STATS} counters, by dimension and key) that the
 * headline reports read: the pledge summary, reviews, evaluations, assessments, rankings, campaigns.
 * <p>
 * Reading them scans the statistics collection. In the instance that runs the live projection ({@link LiveWrites})
 * they are read once per scope and shared between requests while the store writes nothing; after writes, only the
 * counters those writes changed are read again, by id — as {@link OrganisationTrees} does for the organisations'
 * figures. Elsewhere (an instance that only serves queries, figures as of a past instant) every request reads them.
 * The maps returned are shared: callers only read them.
 */
@Component
public class SharedStats {

    private static final int MAX_CACHED = 64;

    private record Key(String generation, String scope) {
    }

    private record Cached(MongoReadModelStore store, long version, Map<String, Map<String, Map<String, Long>>> stats) {
    }

    private final Map<Key, Cached> cached = new ConcurrentHashMap<>();
    private final LiveWrites writes;

    SharedStats(LiveWrites writes) {
        this.writes = writes;
    }

    /** The counters of {@code scope}: dimension → key → field → count. */
    public Map<String, Map<String, Map<String, Long>>> of(ReadModelStore store, String scope) {
        if (!(store instanceof MongoReadModelStore mongo)) {
            return store.counters(CounterFamily.STATS, scope);
        }
        long version = writes.version(mongo);
        if (version < 0) {
            return store.counters(CounterFamily.STATS, scope);
        }
        Key key = new Key(store.generation(), scope);
        Cached current = cached.get(key);
        Map<String, Map<String, Map<String, Long>>> stats = null;
        if (current != null && current.store() == store) {
            if (current.version() == version) {
                return current.stats();
            }
            MongoReadModelStore.Changes changes = mongo.changesSince(current.version());
            if (changes != null) {
                stats = refreshed(mongo, scope, current.stats(), changes);
            }
        }
        if (stats == null) {
            stats = store.counters(CounterFamily.STATS, scope);
        }
        if (cached.size() >= MAX_CACHED) {
            cached.clear();
        }
        cached.put(key, new Cached(mongo, version, stats));
        return stats;
    }

    /** The counters of one dimension of {@code scope}: key → field → count. */
    public Map<String, Map<String, Long>> of(ReadModelStore store, String scope, String dimension) {
        return of(store, scope).getOrDefault(dimension, Map.of());
    }

    /** {@code stats} with the counters of the scope that {@code changes} names read again (a new map if any). */
    private static Map<String, Map<String, Map<String, Long>>> refreshed(
            MongoReadModelStore store, String scope, Map<String, Map<String, Map<String, Long>>> stats,
            MongoReadModelStore.Changes changes) {
        List<CounterKey> changed = new ArrayList<>();
        for (CounterKey key : changes.counters()) {
            if (key.family() == CounterFamily.STATS && key.scope().equals(scope)) {
                changed.add(key);
            }
        }
        if (changed.isEmpty()) {
            return stats;
        }
        Map<String, Map<String, Map<String, Long>>> updated = new LinkedHashMap<>(stats);
        Set<String> copied = new HashSet<>();
        store.counters(CounterFamily.STATS, changed).forEach((key, fields) -> {
            if (copied.add(key.dimension())) {
                updated.put(key.dimension(), new LinkedHashMap<>(stats.getOrDefault(key.dimension(), Map.of())));
            }
            updated.get(key.dimension()).put(key.key(), fields);
        });
        return updated;
    }
}
