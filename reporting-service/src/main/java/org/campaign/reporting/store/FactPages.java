package org.campaign.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a generation's facts of one kind are stored: written by a rebuild, in {@value #PAGES} page documents, each
 * fact in the page its id hashes to as one binary field holding the fact's BSON; written by the live projection,
 * one document per fact, under its id:
 * <pre>
 * { _id: 1187, f: { "p-0042": BinData(…), "p-7731": BinData(…) } }     // a page (integer id)
 * { _id: "p-0042", pledgeId: "p-0042", status: "FULFILLED", … }        // a fact written since (text id)
 * </pre>
 * A rebuild writes a million facts as a few thousand page inserts instead of a million documents, and the server keeps
 * one opaque value per fact instead of a dozen fields: the per-document and per-field costs of the in-process
 * server were most of the time a rebuild spent writing (12–13 s against 2 s for a million facts in the benchmarks'
 * {@code FactLayoutBenchmark}). The live projection writes a fact on its own (16–87 µs against 280–1,270 µs for
 * setting it inside a page, which the server copies whole), and that document takes precedence over the fact's entry
 * in a page: pages are written only while a generation is being rebuilt, before anything writes facts on their own. A generation written before pages
 * existed holds only fact documents, and is read and written alike. The page of an id is {@link String#hashCode}
 * (defined by the language, so stable across processes) modulo {@value #PAGES}.
 */
final class FactPages {

    static final int PAGES = 4096;
    private static final int PAGES_PER_READ = 32;
    private static final String FACTS = "f";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private FactPages() {
    }

    static int pageOf(String id) {
        return Math.floorMod(id.hashCode(), PAGES);
    }

    /**
     * A rebuild's writes of facts ({@link #encode encoded}): a plain insert of each page in {@code newPages} (which
     * no document holds yet), and for every other page one upsert setting each of its facts.
     */
    static List<WriteModel<Document>> pageWrites(Map<String, byte[]> byId, Set<Integer> newPages) {
        Map<Integer, Document> byPage = new TreeMap<>();
        byId.forEach((id, fact) -> byPage.computeIfAbsent(pageOf(id), p -> new Document())
                .append(field(id), new Binary(fact)));
        List<WriteModel<Document>> writes = new ArrayList<>(byPage.size());
        byPage.forEach((page, facts) -> {
            if (newPages.contains(page)) {
                writes.add(new InsertOneModel<>(new Document("_id", page).append(FACTS, facts)));
            } else {
                List<Bson> sets = new ArrayList<>(facts.size());
                facts.forEach((field, fact) -> sets.add(Updates.set(FACTS + "." + field, fact)));
                writes.add(new UpdateOneModel<>(Filters.eq("_id", page), Updates.combine(sets), UPSERT));
            }
        });
        return writes;
    }

    /** The live projection's write of one fact: a document of its own, inserted when {@code isNew}, else replaced. */
    static WriteModel<Document> factWrite(String id, Document fact, boolean isNew) {
        Document stored = new Document(fact).append("_id", id);
        return isNew ? new InsertOneModel<>(stored) : new ReplaceOneModel<>(Filters.eq("_id", id), stored,
                REPLACE_OR_INSERT);
    }

    /**
     * The stored facts among {@code ids}, by id: their own documents first, the others from their pages, read
     * {@value #PAGES_PER_READ} pages at a time, each read projecting only the facts asked of its pages (a
     * projection's cost grows with its pages times its fields).
     */
    static Map<String, Document> find(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (Document fact : collection.find(Filters.in("_id", ids))) {
            found.put(fact.getString("_id"), withoutId(fact));
        }
        Map<Integer, List<String>> byPage = new TreeMap<>();
        ids.stream().filter(id -> !found.containsKey(id))
                .forEach(id -> byPage.computeIfAbsent(pageOf(id), p -> new ArrayList<>()).add(FACTS + "." + field(id)));
        List<Integer> pages = new ArrayList<>(byPage.keySet());
        for (int from = 0; from < pages.size(); from += PAGES_PER_READ) {
            List<Integer> read = pages.subList(from, Math.min(pages.size(), from + PAGES_PER_READ));
            List<String> fields = new ArrayList<>();
            read.forEach(page -> fields.addAll(byPage.get(page)));
            for (Document page : collection.find(Filters.in("_id", read)).projection(Projections.include(fields))) {
                decodeInto(page, found);
            }
        }
        return found;
    }

    /** Every stored fact of the kind, by id. */
    static Map<String, Document> all(MongoCollection<Document> collection) {
        Map<String, Document> paged = new HashMap<>();
        Map<String, Document> own = new HashMap<>();
        for (Document document : collection.find()) {
            if (document.get("_id") instanceof String id) {
                own.put(id, withoutId(document));
            } else {
                decodeInto(document, paged);
            }
        }
        paged.putAll(own);
        return paged;
    }

    private static void decodeInto(Document page, Map<String, Document> found) {
        Document facts = page.get(FACTS, Document.class);
        if (facts != null) {
            facts.forEach((field, value) -> found.put(id(field), decode(((Binary) value).getData())));
        }
    }

    private static Document withoutId(Document fact) {
        fact.remove("_id");
        return fact;
    }

    /**
     * A fact as BSON: how pages store facts, and how facts are held in memory in bulk (one array instead of a map
     * of a dozen entries, which keeps a rebuild's millions of facts cheap to hold and to garbage-collect).
     */
    static byte[] encode(Document fact) {
        return FlatBson.encode(fact);
    }

    /** A fresh document of an {@link #encode encoded} fact. */
    static Document decode(byte[] fact) {
        return FlatBson.decode(fact);
    }

    /** A field name for an id: MongoDB field names cannot hold '.' nor start with '$'. */
    static String field(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String id(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
