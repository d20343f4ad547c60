package org.campaign.reporting.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How a generation's facts of one kind are stored: written by a rebuild, in {@value #PAGES} page documents, the facts
 * of a page as one blob per flush that wrote any of them; written by the live projection, one document per fact,
 * under its id:
 * <pre>
 * { _id: 1187, b: [ BinData(…) ] }                                     // a page (integer id)
 * { _id: "p-0042", pledgeId: "p-0042", status: "FULFILLED", … }        // a fact written since (text id)
 * </pre>
 * A blob holds, for each fact, the length of its id in two bytes, the id in UTF-8 and the fact's BSON; a later blob's
 * fact replaces an earlier one's. A rebuild writes a million facts as a few thousand page inserts instead of a million
 * documents, and the server keeps one opaque value per page: the per-document and per-field costs of the in-process
 * server were most of the time a rebuild spent writing. In the benchmarks' {@code FactLayoutBenchmark}, 357,542 facts
 * take 4.8 s as documents, 1.1 s as pages of one field per fact (how pages were first written, still read as
 * {@code f}) and 0.3 s as pages of blobs. The live projection writes a fact on its own (tens of µs, against
 * hundreds for setting it inside a page, which the server copies whole), and that document takes precedence over
 * the fact's entry in a page: pages are written only while a generation is being rebuilt, before anything writes
 * facts on their own. A generation written before pages existed holds only fact documents, and is read and written
 * alike. The page of an id is {@link String#hashCode} (defined by the language, so stable across processes) modulo
 * {@value #PAGES}.
 */
final class FactPages {

    static final int PAGES = 4096;
    private static final int PAGES_PER_READ = 32;
    /** The blobs of a page: each one flush's facts of the page. */
    private static final String BLOBS = "b";
    /** The facts of a page as written by earlier versions: one binary field each. */
    private static final String FIELDS = "f";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);

    private FactPages() {
    }

    static int pageOf(String id) {
        return Math.floorMod(id.hashCode(), PAGES);
    }

    /**
     * A rebuild's writes of facts ({@link #encode encoded}), from one or more folds of different aggregates: for each
     * page, one blob of its facts, inserted as the page when it is in {@code newPages} (which no document holds yet),
     * else added to the page's blobs.
     */
    static List<WriteModel<Document>> pageWrites(List<Map<String, byte[]>> folds, Set<Integer> newPages) {
        List<List<Map.Entry<byte[], byte[]>>> byPage = new ArrayList<>(Collections.nCopies(PAGES, null));
        int[] sizes = new int[PAGES];
        folds.forEach(byId -> byId.forEach((id, fact) -> {
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            if (idBytes.length > 0xffff) {
                throw new IllegalArgumentException("An id of more than 65,535 bytes: " + id.substring(0, 64) + "…");
            }
            int page = pageOf(id);
            if (byPage.get(page) == null) {
                byPage.set(page, new ArrayList<>());
            }
            byPage.get(page).add(Map.entry(idBytes, fact));
            sizes[page] += 2 + idBytes.length + fact.length;
        }));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int page = 0; page < PAGES; page++) {
            if (byPage.get(page) == null) {
                continue;
            }
            byte[] blob = new byte[sizes[page]];
            int at = 0;
            for (Map.Entry<byte[], byte[]> entry : byPage.get(page)) {
                byte[] id = entry.getKey();
                blob[at++] = (byte) (id.length >>> 8);
                blob[at++] = (byte) id.length;
                System.arraycopy(id, 0, blob, at, id.length);
                at += id.length;
                System.arraycopy(entry.getValue(), 0, blob, at, entry.getValue().length);
                at += entry.getValue().length;
            }
            Binary facts = new Binary(blob);
            writes.add(newPages.contains(page)
                    ? new InsertOneModel<>(new Document("_id", page).append(BLOBS, List.of(facts)))
                    : new UpdateOneModel<>(Filters.eq("_id", page), Updates.push(BLOBS, facts), UPSERT));
        }
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
     * {@value #PAGES_PER_READ} pages at a time.
     */
    static Map<String, Document> find(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (Document fact : collection.find(Filters.in("_id", ids))) {
            found.put(fact.getString("_id"), withoutId(fact));
        }
        Set<String> wanted = new HashSet<>();
        Set<Integer> pageSet = new TreeSet<>();
        ids.stream().filter(id -> !found.containsKey(id)).forEach(id -> {
            wanted.add(id);
            pageSet.add(pageOf(id));
        });
        List<Integer> pages = new ArrayList<>(pageSet);
        for (int from = 0; from < pages.size(); from += PAGES_PER_READ) {
            List<Integer> read = pages.subList(from, Math.min(pages.size(), from + PAGES_PER_READ));
            for (Document page : collection.find(Filters.in("_id", read))) {
                decodeInto(page, wanted::contains, found);
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
                decodeInto(document, id -> true, paged);
            }
        }
        paged.putAll(own);
        return paged;
    }

    /** The page's facts whose ids are {@code wanted}: from its blobs, a later blob's over an earlier one's. */
    private static void decodeInto(Document page, Predicate<String> wanted, Map<String, Document> found) {
        Document fields = page.get(FIELDS, Document.class);
        if (fields != null) {
            fields.forEach((field, value) -> {
                if (wanted.test(id(field))) {
                    found.put(id(field), decode(((Binary) value).getData()));
                }
            });
        }
        for (Binary blob : page.getList(BLOBS, Binary.class, List.of())) {
            byte[] bytes = blob.getData();
            int at = 0;
            while (at < bytes.length) {
                int idLength = (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
                String id = new String(bytes, at + 2, idLength, StandardCharsets.UTF_8);
                at += 2 + idLength;
                int factLength = FlatBson.int32(bytes, at);
                if (wanted.test(id)) {
                    found.put(id, decode(Arrays.copyOfRange(bytes, at, at + factLength)));
                }
                at += factLength;
            }
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
