package org.campaign.reporting.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.projection.SourcePosition;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.*;

/**
 * A rebuild's folded generation, written in a few bulk writes, holds exactly the documents that applying the same
 * batches one by one writes — counters with their offset guards and sets — and the same facts, and goes on from there
 * alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class GenerationBuilderTest {

    @Autowired
    BatchProjector projector;
    @Autowired
    Generations generations;
    @Autowired
    MongoTemplate mongo;

    final String pledgeTopic = uniqueId("fold.pledge-events");
    final String evaluationTopic = uniqueId("fold.evaluation-events");
    final String campaign = uniqueId("fold");
    final String suffix = uniqueId("").replace("-", "");
    final BatchProjector.Rejections none = (input, reason) -> {
        throw new AssertionError(reason);
    };

    final String org = uniqueId("org");
    final String p1 = uniqueId("p");
    final String p2 = uniqueId("p");
    final String p3 = uniqueId("p");
    final String p4 = uniqueId("p");
    final String m1 = uniqueId("m");

    /** The batches of a small district's history, on two partitions of the pledge topic and one of the other. */
    List<List<BatchProjector.Input>> history() {
        return List.of(
                List.of(pledge(0, 0, organisationRegistered(org, "Village", Sector.RURAL_VILLAGE, null, "T01", List.of(org))),
                        pledge(0, 1, memberEnrolled(m1, org, MemberCategory.FARMER)),
                        pledge(1, 0, memberPledge(campaign, p1, Sector.RURAL_VILLAGE, "T01", MemberCategory.FARMER)),
                        pledge(1, 1, organisationPledge(campaign, p2, Sector.URBAN_COMMUNITY, "T02")),
                        pledge(0, 2, organisationPledge(null, p3, Sector.GOVERNMENT_ORGAN, "T03"))),
                List.of(pledge(1, 2, pledgeApproved(p1, 1)), pledge(1, 3, pledgeSentBack(p2, 1)),
                        pledge(1, 4, pledgeRevised(p2, 2, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES)),
                        evaluation(0, reviewRecorded(campaign, uniqueId("r"), Rating.GOOD)),
                        pledge(0, 3, memberPledge(campaign, p4, Sector.RURAL_VILLAGE, "T01", MemberCategory.RETIRED))),
                List.of(pledge(1, 5, pledgePublished(p1, 2)), pledge(1, 6, pledgeFulfilled(p1, 3)),
                        pledge(0, 4, pledgeWithdrawn(p3, 1)), pledge(0, 5, pledgeApproved(p4, 1)),
                        pledge(0, 6, pledgeLapsed(p4, 2)), pledge(1, 7, pledgeApproved(p2, 3))));
    }

    @Test
    void aFoldedGenerationEqualsTheOneWrittenBatchByBatch() {
        List<List<BatchProjector.Input>> history = history();
        MongoReadModelStore oneByOne = appliedBatchByBatch(history);
        MongoReadModelStore folded = generations.createFresh("fold" + suffix);
        // Two facts held at most: the builder also flushes part-way, as it does on a long history.
        GenerationBuilder builder = new GenerationBuilder(folded, 2);
        for (List<BatchProjector.Input> batch : history) {
            projector.apply(batch, builder, none);
            if (builder.full()) {
                builder.flush();
            }
        }
        builder.flush();

        assertThat(contents("fold" + suffix)).isEqualTo(contents("each" + suffix)).hasSizeGreaterThan(2);
        assertSameFacts("fold" + suffix, "each" + suffix);

        // Both go on alike, also after a restart: the last batch redelivered (the guards refuse it), a new pledge,
        // and an event of a pledge whose fact the folded generation holds in a page.
        List<BatchProjector.Input> redelivered = new ArrayList<>(history.get(2));
        redelivered.add(pledge(1, 8, organisationPledge(campaign, uniqueId("p"), Sector.URBAN_COMMUNITY, "T02")));
        redelivered.add(pledge(1, 9, pledgePublished(p2, 4)));
        generations.forget("fold" + suffix);
        projector.apply(redelivered, oneByOne, none);
        projector.apply(redelivered, generations.store("fold" + suffix), none);
        assertThat(contents("fold" + suffix)).isEqualTo(contents("each" + suffix));
        assertSameFacts("fold" + suffix, "each" + suffix);
        assertThat(generations.store("fold" + suffix).fact("pledge", p2).getString("status")).isEqualTo("PUBLISHED");
    }

    @Test
    void foldsOfOtherPartitionsWrittenTogetherEqualTheGenerationWrittenBatchByBatch() {
        List<List<BatchProjector.Input>> history = history();
        appliedBatchByBatch(history);
        MongoReadModelStore folded = generations.createFresh("shards" + suffix);
        // As a parallel rebuild folds: a shard per partition number; two facts held at most by each, so that the
        // shards are also written together part-way, as on a long history.
        List<GenerationBuilder> shards = List.of(new GenerationBuilder(folded, 2), new GenerationBuilder(folded, 2));
        for (List<BatchProjector.Input> batch : history) {
            for (int shard = 0; shard < shards.size(); shard++) {
                int number = shard;
                projector.apply(batch.stream().filter(input -> input.position().partition() % 2 == number).toList(),
                        shards.get(shard), none);
            }
            if (shards.stream().anyMatch(GenerationBuilder::full)) {
                GenerationBuilder.flush(shards);
            }
        }
        GenerationBuilder.flush(shards);

        assertThat(contents("shards" + suffix)).isEqualTo(contents("each" + suffix)).hasSizeGreaterThan(2);
        assertSameFacts("shards" + suffix, "each" + suffix);
    }

    /** Generation {@code each…}, fresh, with the history applied batch by batch as the live projection applies it. */
    MongoReadModelStore appliedBatchByBatch(List<List<BatchProjector.Input>> history) {
        MongoReadModelStore store = generations.createFresh("each" + suffix);
        history.forEach(batch -> projector.apply(batch, store, none));
        return store;
    }

    /**
     * The same facts of every kind in both generations, however stored (a rebuild writes pages, the live projection
     * a document per fact).
     */
    void assertSameFacts(String generation, String other) {
        List<String> kinds = new ArrayList<>();
        for (String name : mongo.getDb().listCollectionNames()) {
            if (name.startsWith("facts_") && name.endsWith("_" + other)) {
                kinds.add(name.substring("facts_".length(), name.length() - other.length() - 1));
            }
        }
        assertThat(kinds).contains("pledge", "member", "organisation");
        for (String kind : kinds) {
            assertThat(generations.store(generation).facts(kind)).as(kind)
                    .containsExactlyInAnyOrderElementsOf(generations.store(other).facts(kind));
        }
    }

    /**
     * Every document of a generation's counters and sets by collection, without the counted fields that are zero, a
     * set's members sorted.
     */
    Map<String, Map<Object, Document>> contents(String generation) {
        MongoDatabase database = mongo.getDb();
        Map<String, Map<Object, Document>> contents = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.endsWith("_" + generation) && !name.startsWith("facts_")) {
                Map<Object, Document> documents = new TreeMap<>();
                for (Document document : database.getCollection(name).find()) {
                    document.values().removeIf(value -> value instanceof Number n && n.longValue() == 0);
                    // A set's members in any order (folds of other partitions add them in another).
                    if (document.get("members") instanceof List<?> members) {
                        document.put("members", new TreeSet<>(members.stream().map(String::valueOf).toList()));
                    }
                    documents.put(document.get("_id"), document);
                }
                contents.put(name.substring(0, name.length() - generation.length()), documents);
            }
        }
        return contents;
    }

    BatchProjector.Input pledge(int partition, long offset, EventEnvelope event) {
        return input(new SourcePosition(pledgeTopic, partition, offset), event);
    }

    BatchProjector.Input evaluation(long offset, EventEnvelope event) {
        return input(new SourcePosition(evaluationTopic, 0, offset), event);
    }
}
