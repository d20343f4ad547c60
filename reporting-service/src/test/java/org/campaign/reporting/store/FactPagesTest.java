package org.campaign.reporting.store;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.uniqueId;

/** Facts written in pages by rebuilds, and on their own by the live projection, read back as the latest of each. */
@SpringBootTest
@WithTestInfrastructure
class FactPagesTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aLaterFlushAndAFactOfItsOwnWinOverWhatAPageHeldBefore() {
        MongoCollection<Document> facts = mongo.getDb().getCollection(uniqueId("facts_pledge"));
        // The first flush joins two folds (a parallel fold's shards), each of other pledges.
        Map<String, byte[]> firstEven = new LinkedHashMap<>();
        Map<String, byte[]> firstOdd = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            (i % 2 == 0 ? firstEven : firstOdd).put("p-" + i, FactPages.encode(fact("p-" + i, "MADE", 0)));
        }
        Set<Integer> newPages = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            newPages.add(FactPages.pageOf("p-" + i));
        }
        facts.bulkWrite(FactPages.pageWrites(List.of(firstEven, firstOdd), newPages));
        Map<String, byte[]> second = Map.of("p-7", FactPages.encode(fact("p-7", "APPROVED", 1)),
                "p-8", FactPages.encode(fact("p-8", "APPROVED", 1)));
        facts.bulkWrite(FactPages.pageWrites(List.of(second), Set.of()));
        facts.bulkWrite(List.of(FactPages.factWrite("p-8", fact("p-8", "FULFILLED", 2), true)));

        Map<String, Document> found = FactPages.find(facts, List.of("p-1", "p-7", "p-8", "p-499", "p-500"));

        assertThat(found).containsOnlyKeys("p-1", "p-7", "p-8", "p-499");
        assertThat(found.get("p-1")).isEqualTo(fact("p-1", "MADE", 0));
        assertThat(found.get("p-7")).isEqualTo(fact("p-7", "APPROVED", 1));
        assertThat(found.get("p-8")).isEqualTo(fact("p-8", "FULFILLED", 2));
        Map<String, Document> all = FactPages.all(facts);
        assertThat(all).hasSize(500);
        assertThat(all.get("p-8")).isEqualTo(fact("p-8", "FULFILLED", 2));
        assertThat(all.get("p-499")).isEqualTo(fact("p-499", "MADE", 0));
    }

    @Test
    void pagesOfOneFieldPerFactAreStillRead() {
        MongoCollection<Document> facts = mongo.getDb().getCollection(uniqueId("facts_pledge"));
        String id = "p.1$";
        facts.insertOne(new Document("_id", FactPages.pageOf(id)).append("f",
                new Document(FactPages.field(id), new Binary(FactPages.encode(fact(id, "PUBLISHED", 3))))));

        assertThat(FactPages.find(facts, List.of(id))).containsExactly(Map.entry(id, fact(id, "PUBLISHED", 3)));
        assertThat(FactPages.all(facts)).containsOnlyKeys(id);
    }

    private static Document fact(String id, String status, long sequence) {
        return new Document("pledgeId", id).append("title", "办实事").append("status", status)
                .append("approved", !"MADE".equals(status)).append("lastSequence", sequence);
    }
}
