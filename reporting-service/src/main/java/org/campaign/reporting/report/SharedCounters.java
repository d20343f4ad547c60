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

/**
 * The counters the headline reports read: the district-wide breakdowns of a scope ({@link CounterFamily#STATS}, by
 * dimension and key) for the pledge summary, reviews, evaluations, assessments, rankings and campaigns, and one
 * series of a scope ({@link CounterFamily#SERIES}: a week or month timeline, the rectifications by due date).
 * <p>
 * Reading them scans a collection. In the instance that runs the live projection they are read once and shared
 * between requests ({@link SharedReads}, as the organisations' figures are); after writes, only the counters those
 * writes changed are read again, by id. Elsewhere (an instance that only serves queries, figures as of a past
 * instant) every request reads them. The maps returned are shared: callers only read them.
 */
@Component
public class SharedCounters {

    private static final int MAX_CACHED = 256;

    /** What is shared: a family's counters of one scope, of one dimension or (null) of all of them. */
    private record Key(String generation, CounterFamily family, String scope, String dimension) {

        boolean holds(CounterKey counter) {
            return counter.family() == family && counter.scope().equals(scope)
                    && (dimension == null || counter.dimension().equals(dimension));
        }
    }

    private final SharedReads<Key, Map<String, Map<String, Map<String, Long>>>> reads;

    SharedCounters(LiveWrites writes) {
        this.reads = new SharedReads<>(writes, MAX_CACHED);
    }

    /** The breakdowns of {@code scope}: dimension → key → field → count. */
    public Map<String, Map<String, Map<String, Long>>> stats(ReadModelStore store, String scope) {
        return read(store, new Key(store.generation(), CounterFamily.STATS, scope, null));
    }

    /** The breakdown of {@code scope} by one dimension: key → field → count. */
    public Map<String, Map<String, Long>> stats(ReadModelStore store, String scope, String dimension) {
        return stats(store, scope).getOrDefault(dimension, Map.of());
    }

    /** One series of {@code scope} (a {@link CounterFamily#SERIES} dimension): key → field → count. */
    public Map<String, Map<String, Long>> series(ReadModelStore store, String scope, String dimension) {
        return read(store, new Key(store.generation(), CounterFamily.SERIES, scope, dimension))
                .getOrDefault(dimension, Map.of());
    }

    private Map<String, Map<String, Map<String, Long>>> read(ReadModelStore store, Key key) {
        if (!(store instanceof MongoReadModelStore mongo)) {
            return load(store, key);
        }
        return reads.get(mongo, key, () -> load(store, key), (counters, changes) -> refreshed(mongo, key, counters,
                changes));
    }

    private static Map<String, Map<String, Map<String, Long>>> load(ReadModelStore store, Key key) {
        if (key.dimension() == null) {
            return store.counters(key.family(), key.scope());
        }
        return Map.of(key.dimension(), store.counters(key.family(), key.scope(), key.dimension()));
    }

    /** {@code counters} with those that {@code changes} names read again (a new map if any). */
    private static Map<String, Map<String, Map<String, Long>>> refreshed(
            MongoReadModelStore store, Key key, Map<String, Map<String, Map<String, Long>>> counters,
            MongoReadModelStore.Changes changes) {
        List<CounterKey> changed = new ArrayList<>();
        for (CounterKey counter : changes.counters()) {
            if (key.holds(counter)) {
                changed.add(counter);
            }
        }
        if (changed.isEmpty()) {
            return counters;
        }
        Map<String, Map<String, Map<String, Long>>> updated = new LinkedHashMap<>(counters);
        Set<String> copied = new HashSet<>();
        store.counters(key.family(), changed).forEach((counter, fields) -> {
            if (copied.add(counter.dimension())) {
                updated.put(counter.dimension(),
                        new LinkedHashMap<>(counters.getOrDefault(counter.dimension(), Map.of())));
            }
            updated.get(counter.dimension()).put(counter.key(), fields);
        });
        return updated;
    }
}
