package org.campaign.reporting.projection;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.pledge.PledgeStatistics;
import org.campaign.reporting.report.PledgeSummary;
import org.campaign.reporting.report.PledgeSummaryReport;
import org.campaign.reporting.store.BatchChanges;
import org.campaign.reporting.store.Generations;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaign.reporting.TestEvents.*;

/**
 * The idempotency scheme against the real MongoDB wire protocol, applying batches directly with chosen Kafka
 * positions: redelivery of a record, duplicates at new offsets, crashes between the counter and the fact writes or
 * part-way through the counters, and redelivered batches with other boundaries never count an event twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class ProjectionIdempotencyTest {

    @Autowired
    BatchProjector projector;
    @Autowired
    Generations generations;
    @Autowired
    PledgeSummaryReport report;
    @Autowired
    MongoTemplate mongo;

    final String topic = uniqueId("unit.pledge-events");
    final String campaign = uniqueId("unit");
    final List<String> rejected = new ArrayList<>();
    /** A generation of its own, so that the figures made up here never mix with those of the topics. */
    final String generation = "unit" + uniqueId("").replace("-", "");

    SourcePosition at(long offset) {
        return new SourcePosition(topic, 0, offset);
    }

    void apply(ReadModelStore store, Object... eventsAndOffsets) {
        List<BatchProjector.Input> inputs = new ArrayList<>();
        for (int i = 0; i < eventsAndOffsets.length; i += 2) {
            EventEnvelope event = (EventEnvelope) eventsAndOffsets[i];
            SourcePosition position = eventsAndOffsets[i + 1] instanceof SourcePosition p ? p : at((Integer) eventsAndOffsets[i + 1]);
            inputs.add(input(position, event));
        }
        projector.apply(inputs, store, (input, reason) -> rejected.add(reason.getMessage()));
    }

    void apply(Object... eventsAndOffsets) {
        apply(generations.store(generation), eventsAndOffsets);
    }

    PledgeSummary summary() {
        return report.summary(generations.store(generation), campaign, null);
    }

    @Test
    void theSameRecordTwiceCountsOnce() {
        EventEnvelope made = memberPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T01", MemberCategory.FARMER);

        apply(made, 0);
        apply(made, 0);

        PledgeSummary summary = summary();
        assertThat(summary.made()).isEqualTo(1);
        assertThat(row(summary.bySector(), "RURAL_VILLAGE").made()).isEqualTo(1);
        assertThat(row(summary.byMemberCategory(), "FARMER").made()).isEqualTo(1);
    }

    @Test
    void theSameEventPublishedAgainAtALaterOffsetCountsOnce() {
        String pledgeId = uniqueId("p");
        EventEnvelope made = organisationPledge(campaign, pledgeId, Sector.URBAN_COMMUNITY, "T02");
        EventEnvelope approved = pledgeApproved(pledgeId, 1);
        EventEnvelope fulfilled = pledgeFulfilled(pledgeId, 2);

        apply(made, 0, approved, 1, fulfilled, 2);
        apply(made, 3, approved, 4);
        apply(fulfilled, 5);

        PledgeSummary summary = summary();
        assertThat(summary.made()).isEqualTo(1);
        assertThat(summary.approved()).isEqualTo(1);
        assertThat(summary.fulfilled()).isEqualTo(1);
        assertThat(summary.open()).isZero();
        assertThat(summary.fulfilmentRate()).isEqualByComparingTo("100.0");
        assertThat(rejected).isEmpty();
    }

    @Test
    void crashAfterTheCountersButBeforeTheFactDoesNotCountTwice() {
        String pledgeId = uniqueId("p");
        apply(organisationPledge(campaign, pledgeId, Sector.GOVERNMENT_ORGAN, "T03"), 0);
        Document factBefore = fact(pledgeId);

        // First delivery of the fulfilment: counters and fact are written ...
        EventEnvelope fulfilled = pledgeFulfilled(pledgeId, 1);
        apply(fulfilled, 1);
        // ... but the fact write is lost, as if the process died between the two writes.
        BatchChanges restore = new BatchChanges();
        restore.saveFact(PledgeStatistics.FACT_KIND, pledgeId, factBefore);
        generations.store(generation).write(restore);
        generations.forget(generation);
        assertThat(fact(pledgeId).getString("status")).isEqualTo("MADE");
        assertThat(summary().fulfilled()).isEqualTo(1);

        // Kafka redelivers the uncommitted record at the same offset.
        apply(fulfilled, 1);

        PledgeSummary summary = summary();
        assertThat(summary.made()).isEqualTo(1);
        assertThat(summary.fulfilled()).isEqualTo(1);
        assertThat(status(summary.byStatus(), "MADE")).isZero();
        assertThat(status(summary.byStatus(), "FULFILLED")).isEqualTo(1);
        assertThat(row(summary.byTownship(), "T03").fulfilled()).isEqualTo(1);
        assertThat(fact(pledgeId).getString("status")).isEqualTo("FULFILLED");
        assertThat(fact(pledgeId).get("lastSequence", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void crashPartWayThroughTheCountersIsCompletedByARedeliveryWithOtherBatchBoundaries() {
        String p1 = uniqueId("p");
        String p2 = uniqueId("p");
        EventEnvelope made1 = organisationPledge(campaign, p1, Sector.STATE_ENTERPRISE, "T04");
        EventEnvelope made2 = memberPledge(campaign, p2, Sector.STATE_ENTERPRISE, "T04", MemberCategory.ENTERPRISE_STAFF);
        EventEnvelope approved1 = pledgeApproved(p1, 1);
        EventEnvelope lapsed1 = pledgeLapsed(p1, 2);

        // The first attempt wrote half of the counter documents, no set and no fact, then the process died.
        ReadModelStore crashing = new CrashingStore(generations.store(generation));
        assertThatThrownBy(() -> apply(crashing, made1, 0, made2, 1, approved1, 2, lapsed1, 3))
                .hasMessageContaining("crash");
        generations.forget(generation);
        assertThat(summary().made()).isBetween(0L, 2L);

        // Kafka redelivers from offset 0, in batches of other sizes than the first attempt's.
        apply(made1, 0);
        apply(made2, 1, approved1, 2);
        apply(lapsed1, 3, made1, 4);

        PledgeSummary summary = summary();
        assertThat(summary.made()).isEqualTo(2);
        assertThat(summary.approved()).isEqualTo(1);
        assertThat(summary.lapsed()).isEqualTo(1);
        assertThat(summary.open()).isEqualTo(1);
        assertThat(row(summary.bySector(), "STATE_ENTERPRISE").made()).isEqualTo(2);
        assertThat(row(summary.byTownship(), "T04").lapsed()).isEqualTo(1);
        assertThat(row(summary.byMemberCategory(), "ENTERPRISE_STAFF").made()).isEqualTo(1);
        assertThat(status(summary.byStatus(), "LAPSED")).isEqualTo(1);
        assertThat(status(summary.byStatus(), "MADE")).isEqualTo(1);
        assertThat(status(summary.byStatus(), "APPROVED")).isZero();
    }

    @Test
    void countersOfSeveralPartitionsAreSummed() {
        apply(organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T05"), new SourcePosition(topic, 0, 7));
        apply(organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T05"), new SourcePosition(topic, 1, 3));

        PledgeSummary summary = summary();
        assertThat(summary.made()).isEqualTo(2);
        assertThat(row(summary.byTownship(), "T05").made()).isEqualTo(2);
    }

    @Test
    void fulfilmentOfAnUnknownPledgeIsUnprojectableAndCountsNothing() {
        apply(pledgeFulfilled(uniqueId("ghost"), 1), 0);

        assertThat(rejected).singleElement().asString().contains("unknown pledge");
        assertThat(summary().fulfilled()).isZero();
    }

    @Test
    void aReviewAndItsRectificationRedeliveredCountOnce() {
        String reviewId = uniqueId("r");
        EventEnvelope review = reviewRecorded(campaign, reviewId, Rating.EXCELLENT);
        SourcePosition position = new SourcePosition(uniqueId("unit.evaluation-events"), 0, 0);

        apply(review, position);
        apply(review, position);
        apply(review, new SourcePosition(position.topic(), 0, 1));

        PledgeSummary.Reviews figures = summary().reviews();
        assertThat(figures.recorded()).isEqualTo(1);
        assertThat(figures.byRating()).containsExactly(new PledgeSummary.RatingCount("EXCELLENT", 1),
                new PledgeSummary.RatingCount("GOOD", 0), new PledgeSummary.RatingCount("FAIR", 0),
                new PledgeSummary.RatingCount("POOR", 0));
    }

    private Document fact(String pledgeId) {
        return generations.store(generation).fact(PledgeStatistics.FACT_KIND, pledgeId);
    }

    private static PledgeSummary.Breakdown row(List<PledgeSummary.Breakdown> rows, String key) {
        return rows.stream().filter(row -> row.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows));
    }

    private static long status(List<PledgeSummary.StatusCount> rows, String key) {
        return rows.stream().filter(row -> row.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no status " + key + " in " + rows)).pledges();
    }

    /**
     * Writes every other counter document of a batch (each document's update is atomic, so a crash loses whole
     * documents), no set and no fact, then fails as a dying process would.
     */
    private record CrashingStore(MongoReadModelStore delegate) implements ReadModelStore {

        CrashingStore(ReadModelStore delegate) {
            this((MongoReadModelStore) delegate);
        }

        @Override
        public void write(BatchChanges changes) {
            BatchChanges partial = new BatchChanges();
            List<Object> documents = new ArrayList<>();
            for (BatchChanges.CounterDelta delta : changes.counters()) {
                for (CounterKey key : delta.keys()) {
                    Object document = List.of(key, delta.position().topic(), delta.position().partition());
                    if (!documents.contains(document)) {
                        documents.add(document);
                    }
                    if (documents.indexOf(document) % 2 == 0) {
                        partial.count(new BatchChanges.CounterDelta(List.of(key), delta.position(), delta.source(),
                                delta.field(), delta.delta()));
                    }
                }
            }
            delegate.write(partial);
            throw new IllegalStateException("crash after a partial write");
        }

        @Override
        public String generation() {
            return delegate.generation();
        }

        @Override
        public Map<String, Document> loadFacts(String kind, Collection<String> ids) {
            return delegate.loadFacts(kind, ids);
        }

        @Override
        public Map<String, Map<String, Map<String, Long>>> counters(CounterFamily family, String scope) {
            return delegate.counters(family, scope);
        }

        @Override
        public Document fact(String kind, String id) {
            return delegate.fact(kind, id);
        }

        @Override
        public List<Document> facts(String kind) {
            return delegate.facts(kind);
        }

        @Override
        public Map<String, Long> setSizes(String scope, String kind) {
            return delegate.setSizes(scope, kind);
        }

        @Override
        public List<String> setMembers(String scope, String kind, String key) {
            return delegate.setMembers(scope, kind, key);
        }
    }
}
