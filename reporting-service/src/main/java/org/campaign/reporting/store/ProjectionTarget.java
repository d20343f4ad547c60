package org.campaign.reporting.store;

import org.bson.Document;

import java.util.Collection;
import java.util.Map;

/** What a projection engine needs of a store: the facts of the aggregates it applies events to, and a way to write. */
public interface ProjectionTarget {

    /** The facts of {@code ids} that exist, by id: the store's own documents, which the caller must not change. */
    Map<String, Document> loadFacts(String kind, Collection<String> ids);

    /** Applies a batch: counters, then sets, then facts (see {@link MongoReadModelStore} for why in this order). */
    void write(BatchChanges changes);
}
