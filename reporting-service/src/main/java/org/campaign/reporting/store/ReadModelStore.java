package org.campaign.reporting.store;

import org.bson.Document;
import org.campaign.reporting.projection.CounterFamily;

import java.util.List;
import java.util.Map;

/**
 * One complete set of read models: the live generation in MongoDB, a generation being rebuilt, or the figures
 * folded in memory from the event log for an instant in the past. Projections write through
 * {@link #write}; reports read through the other methods and never see how the figures are stored.
 */
public interface ReadModelStore extends ProjectionTarget {

    /** Name of the generation, e.g. {@code g1}, or {@code as-of} for figures folded in memory. */
    String generation();

    /** Counters of one scope in one family, summed over source partitions: dimension → key → field → value. */
    Map<String, Map<String, Map<String, Long>>> counters(CounterFamily family, String scope);

    /** Counters of one scope and dimension: key → field → value. */
    default Map<String, Map<String, Long>> counters(CounterFamily family, String scope, String dimension) {
        return counters(family, scope).getOrDefault(dimension, Map.of());
    }

    /** One fact, or {@code null}. */
    Document fact(String kind, String id);

    /** Every fact of a kind; meant for the small kinds (organisations, campaigns, ledger entries). */
    List<Document> facts(String kind);

    /** Sizes of the sets of one scope and kind: key → number of members. */
    Map<String, Long> setSizes(String scope, String kind);

    /** Members of one set. */
    List<String> setMembers(String scope, String kind, String key);
}
