package org.campaign.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.campaign.localinfra.LocalMongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the two ways the reporting service stores facts cost on the in-process MongoDB-compatible server: one document
 * per fact, and many facts to a page document (4,096 pages, each fact one BSON value; see the service's
 * {@code FactPages}). For each: the time to insert {@code benchmark.facts} pledge facts in bulk, as a rebuild does,
 * and then the time per fact of the live projection's writes — new facts in bulks of 20, written as a document of
 * its own, or set inside the page it hashes to.
 * <p>
 * Run with {@code mvn -f benchmarks/pom.xml -q compile exec:exec@fact-layout} (see BENCHMARKS.md).
 */
public final class FactLayoutBenchmark {

    private static final int PAGES = 4096;
    private static final int LIVE_FACTS = 5_000;
    private static final int LIVE_BATCH = 20;

    public static void main(String[] args) {
        int facts = Integer.getInteger("benchmark.facts", 1_000_000);
        System.out.printf(Locale.ROOT, "# Fact layouts, %,d pledge facts%n%n", facts);
        System.out.println("| layout | bulk insert of every fact | live write, per fact (3 rounds of 5,000) |");
        System.out.println("| --- | --- | --- |");
        measure("one document per fact", facts, id -> new InsertOneModel<>(fact(id)),
                id -> new ReplaceOneModel<>(Filters.eq("_id", id), fact(id), new ReplaceOptions().upsert(true)));
        measure("pages (" + PAGES + ")", facts, null,
                id -> new UpdateOneModel<>(Filters.eq("_id", pageOf(id)), Updates.set("f." + id, encoded(id)),
                        new UpdateOptions().upsert(true)));
    }

    /** Inserts every fact (one document each, or, without {@code insert}, in pages), then times live writes. */
    private static void measure(String layout, int facts, Function<String, WriteModel<Document>> insert,
                                Function<String, WriteModel<Document>> live) {
        try (LocalMongo server = LocalMongo.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("facts").getCollection("facts_pledge");
            List<WriteModel<Document>> writes = new ArrayList<>();
            if (insert != null) {
                for (int i = 0; i < facts; i++) {
                    writes.add(insert.apply("p-" + i));
                }
            } else {
                Map<Integer, Document> pages = new TreeMap<>();
                for (int i = 0; i < facts; i++) {
                    String id = "p-" + i;
                    pages.computeIfAbsent(pageOf(id), p -> new Document()).append(id, encoded(id));
                }
                pages.forEach((page, inPage) -> writes.add(new InsertOneModel<>(new Document("_id", page).append("f", inPage))));
            }
            long started = System.nanoTime();
            for (int from = 0; from < writes.size(); from += 1_000) {
                collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + 1_000)));
            }
            double insertSeconds = (System.nanoTime() - started) / 1e9;
            List<String> rounds = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                started = System.nanoTime();
                for (int from = 0; from < LIVE_FACTS; from += LIVE_BATCH) {
                    List<WriteModel<Document>> batch = new ArrayList<>();
                    for (int i = from; i < from + LIVE_BATCH; i++) {
                        batch.add(live.apply("live-" + round + "-" + i));
                    }
                    collection.bulkWrite(batch);
                }
                rounds.add(String.format(Locale.ROOT, "%.0f µs", (System.nanoTime() - started) / 1e3 / LIVE_FACTS));
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f s | %s |%n", layout, insertSeconds, String.join(", ", rounds));
        }
    }

    private static int pageOf(String id) {
        return Math.floorMod(id.hashCode(), PAGES);
    }

    /** A pledge fact as the reporting service keeps it. */
    private static Document fact(String id) {
        return new Document("_id", id).append("pledgeId", id).append("campaignId", "cxzy-2011")
                .append("pledgerType", "MEMBER").append("organisationId", "O-0123").append("sector", "RURAL_VILLAGE")
                .append("townshipId", "T07").append("memberCategory", "FARMER").append("kind", "WORK")
                .append("focus", "CENTRAL_WORK").append("oral", false).append("status", "APPROVED")
                .append("approved", true).append("lastSequence", 2L)
                .append("lastEventId", "0b7f5a52-6f1e-4c1e-9d0a-" + String.format("%012d", Math.abs(id.hashCode())));
    }

    private static Binary encoded(String id) {
        Document fact = fact(id);
        fact.remove("_id");
        BasicOutputBuffer buffer = new BasicOutputBuffer(256);
        new DocumentCodec().encode(new BsonBinaryWriter(buffer), fact, EncoderContext.builder().build());
        return new Binary(buffer.toByteArray());
    }
}
