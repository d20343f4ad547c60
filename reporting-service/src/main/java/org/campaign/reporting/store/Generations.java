package org.campaign.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generations of the read models and the pointer that names the one queries read.
 * <p>
 * Every read model lives in collections suffixed with its generation ({@code stats_g1}, {@code facts_pledge_g1}…).
 * The single document {@code {_id: "active", generation: "g1"}} in {@value #COLLECTION} names the active
 * generation; it is read on every query and by the live projection before every batch, and a rebuild switches
 * over by updating that one document — an atomic single-document write. Generation names come from a counter
 * in the same collection ({@code g1}, {@code g2}, …).
 * <p>
 * The pointer also records the {@link #VERSION} of the projections that built the active generation: a service whose
 * projections count differently finds it outdated ({@link #versionOf}) and rebuilds it.
 */
@Component
public class Generations {

    public static final String COLLECTION = "read_model_generations";
    private static final String ACTIVE = "active";
    private static final String COUNTER = "counter";
    public static final String FIRST = "g1";
    /**
     * The version of the projections: raised whenever they count, name or keep something differently, so that read
     * models built before are rebuilt. 1: every generation written before versions were recorded; 2: the
     * lagging-unit ledger in the ledger API's statuses, with each unit's failed checks.
     */
    public static final int VERSION = 2;
    private static final int UNVERSIONED = 1;

    private final MongoDatabase database;
    private final int factCacheSize;
    private final Map<String, MongoReadModelStore> stores = new ConcurrentHashMap<>();

    public Generations(MongoTemplate mongo,
                       @org.springframework.beans.factory.annotation.Value("${campaign.reporting.fact-cache-size:2000000}")
                       int factCacheSize) {
        this.database = mongo.getDb();
        this.factCacheSize = factCacheSize;
    }

    private MongoCollection<Document> pointers() {
        return database.getCollection(COLLECTION);
    }

    /** The active generation; the first one is created on first use. */
    public String active() {
        Document pointer = pointers().find(Filters.eq("_id", ACTIVE)).first();
        if (pointer != null) {
            return pointer.getString("generation");
        }
        pointers().updateOne(Filters.eq("_id", ACTIVE), Updates.combine(
                        Updates.setOnInsert("generation", FIRST), Updates.setOnInsert("since", Instant.now().toString()),
                        Updates.setOnInsert("version", VERSION)),
                new UpdateOptions().upsert(true));
        pointers().updateOne(Filters.eq("_id", COUNTER), Updates.max("last", 1L), new UpdateOptions().upsert(true));
        return pointers().find(Filters.eq("_id", ACTIVE)).first().getString("generation");
    }

    /** The pointer document: generation, since when it is active, and the version of the projections that built it. */
    public Document pointer() {
        Document pointer = pointers().find(Filters.eq("_id", ACTIVE)).first();
        if (pointer != null) {
            return pointer;
        }
        active();
        return pointers().find(Filters.eq("_id", ACTIVE)).first();
    }

    /** The version of the projections that built the generation a {@link #pointer} names. */
    public static int versionOf(Document pointer) {
        return pointer.get("version") instanceof Number version ? version.intValue() : UNVERSIONED;
    }

    /** A new, unused generation name. */
    public String allocate() {
        active();
        Document counter = pointers().findOneAndUpdate(Filters.eq("_id", COUNTER), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return "g" + ((Number) counter.get("last")).longValue();
    }

    /**
     * Makes {@code generation}, which these projections built, the one queries read; returns the generation it
     * replaced.
     */
    public String switchTo(String generation) {
        Document before = pointers().findOneAndUpdate(Filters.eq("_id", ACTIVE), Updates.combine(
                        Updates.set("generation", generation), Updates.set("since", Instant.now().toString()),
                        Updates.set("version", VERSION)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? null : before.getString("generation");
    }

    public MongoReadModelStore store(String generation) {
        return stores.computeIfAbsent(generation, g -> new MongoReadModelStore(database, g, false, factCacheSize));
    }

    /** The store of a generation allocated just now, whose collections do not exist yet (see {@link #allocate}). */
    public MongoReadModelStore createFresh(String generation) {
        MongoReadModelStore store = new MongoReadModelStore(database, generation, true, factCacheSize);
        stores.put(generation, store);
        return store;
    }

    /** Forgets what this process cached of a generation, as a restart would. */
    public void forget(String generation) {
        stores.remove(generation);
    }

    public MongoReadModelStore activeStore() {
        return store(active());
    }

    /** Drops the collections of a generation that is not active. */
    public void drop(String generation) {
        if (generation.equals(active())) {
            throw new IllegalArgumentException("Generation " + generation + " is active");
        }
        store(generation).drop();
        stores.remove(generation);
    }
}
