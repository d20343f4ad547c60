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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the ways of storing facts cost on the in-process MongoDB-compatible server: one document per fact (how the
 * live projection writes them), pages of one field per fact (4,096 pages, each fact one BSON value; how the service's
 * {@code FactPages} first wrote a rebuild's facts, still read), and pages of one blob of facts each (how a rebuild
 * writes them now). For each: the time to insert {@code benchmark.facts} pledge facts in bulk, as a rebuild does,
 * and then the time per fact of live writes — new facts in bulks of 20, written as a document of their own, or set
 * inside the page they hash to (the blob layout is only ever written by a rebuild).
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
        measure("one document per fact", facts, FactLayoutBenchmark::documents,
                id -> new ReplaceOneModel<>(Filters.eq("_id", id), fact(id), new ReplaceOptions().upsert(true)));
        measure("pages (" + PAGES + "), one field per fact", facts, FactLayoutBenchmark::pagesOfFields,
                id -> new UpdateOneModel<>(Filters.eq("_id", pageOf(id)), Updates.set("f." + id, encoded(id)),
                        new UpdateOptions().upsert(true)));
        measure("pages (" + PAGES + "), one blob each", facts, FactLayoutBenchmark::pagesOfBlobs, null);
    }

    private static List<WriteModel<Document>> documents(int facts) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < facts; i++) {
            writes.add(new InsertOneModel<>(fact("p-" + i)));
        }
        return writes;
    }

    private static List<WriteModel<Document>> pagesOfFields(int facts) {
        Map<Integer, Document> pages = new TreeMap<>();
        for (int i = 0; i < facts; i++) {
            String id = "p-" + i;
            pages.computeIfAbsent(pageOf(id), p -> new Document()).append(id, encoded(id));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        pages.forEach((page, inPage) -> writes.add(new InsertOneModel<>(new Document("_id", page).append("f", inPage))));
        return writes;
    }

    /** As {@code FactPages} writes them: per fact, its id's length in two bytes, the id and the fact's BSON. */
    private static List<WriteModel<Document>> pagesOfBlobs(int facts) {
        Map<Integer, ByteArrayOutputStream> pages = new TreeMap<>();
        for (int i = 0; i < facts; i++) {
            String id = "p-" + i;
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream blob = pages.computeIfAbsent(pageOf(id), p -> new ByteArrayOutputStream());
            blob.write(idBytes.length >>> 8);
            blob.write(idBytes.length);
            blob.writeBytes(idBytes);
            blob.writeBytes(encoded(id).getData());
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        pages.forEach((page, blob) -> writes.add(new InsertOneModel<>(
                new Document("_id", page).append("b", List.of(new Binary(blob.toByteArray()))))));
        return writes;
    }

    /** Inserts every fact as {@code insert} lays them out, then times live writes (when {@code live} is given). */
    private static void measure(String layout, int facts, IntFunction<List<WriteModel<Document>>> insert,
                                Function<String, WriteModel<Document>> live) {
        try (LocalMongo server = LocalMongo.inMemory(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("facts").getCollection("facts_pledge");
            List<WriteModel<Document>> writes = insert.apply(facts);
            long started = System.nanoTime();
            for (int from = 0; from < writes.size(); from += 1_000) {
                collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + 1_000)));
            }
            double insertSeconds = (System.nanoTime() - started) / 1e9;
            List<String> rounds = new ArrayList<>();
            for (int round = 0; live != null && round < 3; round++) {
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
            System.out.printf(Locale.ROOT, "| %s | %.1f s | %s |%n", layout, insertSeconds,
                    rounds.isEmpty() ? "—" : String.join(", ", rounds));
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
