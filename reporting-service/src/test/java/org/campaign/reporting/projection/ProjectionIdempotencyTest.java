package org.campaign.reporting.projection;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.pledge.PledgeProjection;
import org.campaign.reporting.pledge.PledgeStatistics;
import org.campaign.reporting.report.PledgeSummary;
import org.campaign.reporting.report.PledgeSummaryReport;
import org.campaign.reporting.review.ReviewProjection;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaign.reporting.TestEvents.memberPledge;
import static org.campaign.reporting.TestEvents.organisationPledge;
import static org.campaign.reporting.TestEvents.pledgeFulfilled;
import static org.campaign.reporting.TestEvents.reviewRecorded;
import static org.campaign.reporting.TestEvents.uniqueId;

/**
 * The idempotency scheme against the real MongoDB wire protocol, calling the projections directly with chosen
 * Kafka positions: redelivery of a record, duplicates at new offsets, and crashes between the counter and the fact
 * updates never count an event twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class ProjectionIdempotencyTest {

    @Autowired
    PledgeProjection pledges;
    @Autowired
    ReviewProjection reviews;
    @Autowired
    GuardedCounters counters;
    @Autowired
    PledgeSummaryReport report;
    @Autowired
    MongoTemplate mongo;

    final String topic = uniqueId("unit.pledge-events");
    final String campaign = uniqueId("unit");

    SourcePosition at(long offset) {
        return new SourcePosition(topic, 0, offset);
    }

    @Test
    void theSameRecordTwiceCountsOnce() {
        EventEnvelope made = memberPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T01", MemberCategory.FARMER);

        pledges.project(made, at(0));
        pledges.project(made, at(0));

        PledgeSummary summary = report.summary(campaign);
        assertThat(summary.made()).isEqualTo(1);
        assertThat(row(summary.bySector(), "RURAL_VILLAGE").made()).isEqualTo(1);
        assertThat(row(summary.byMemberCategory(), "FARMER").made()).isEqualTo(1);
    }

    @Test
    void theSameEventPublishedAgainAtALaterOffsetCountsOnce() {
        String pledgeId = uniqueId("p");
        EventEnvelope made = organisationPledge(campaign, pledgeId, Sector.URBAN_COMMUNITY, "T02");
        EventEnvelope fulfilled = pledgeFulfilled(pledgeId, 1);

        pledges.project(made, at(0));
        pledges.project(fulfilled, at(1));
        pledges.project(made, at(2));
        pledges.project(fulfilled, at(3));

        PledgeSummary summary = report.summary(campaign);
        assertThat(summary.made()).isEqualTo(1);
        assertThat(summary.fulfilled()).isEqualTo(1);
        assertThat(summary.fulfilmentRate()).isEqualByComparingTo("100.0");
    }

    @Test
    void crashAfterTheCountersButBeforeTheFactDoesNotCountTwice() {
        String pledgeId = uniqueId("p");
        pledges.project(organisationPledge(campaign, pledgeId, Sector.GOVERNMENT_ORGAN, "T03"), at(0));
        Document factBefore = fact(pledgeId);

        // First delivery of the fulfilment: counters and fact are written ...
        EventEnvelope fulfilled = pledgeFulfilled(pledgeId, 1);
        pledges.project(fulfilled, at(1));
        // ... but the fact write is lost, as if the process died between the two updates.
        mongo.getCollection(PledgeStatistics.FACTS).replaceOne(eq("_id", pledgeId), factBefore);
        assertThat(fact(pledgeId).getString("status")).isEqualTo("MADE");
        assertThat(report.summary(campaign).fulfilled()).isEqualTo(1);

        // Kafka redelivers the uncommitted record at the same offset.
        pledges.project(fulfilled, at(1));

        PledgeSummary summary = report.summary(campaign);
        assertThat(summary.made()).isEqualTo(1);
        assertThat(summary.fulfilled()).isEqualTo(1);
        assertThat(row(summary.byTownship(), "T03").fulfilled()).isEqualTo(1);
        assertThat(fact(pledgeId).getString("status")).isEqualTo("FULFILLED");
        assertThat(fact(pledgeId).get("lastSequence", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void crashPartWayThroughTheCountersCompletesTheRestOnRedelivery() {
        String pledgeId = uniqueId("p");
        EventEnvelope made = organisationPledge(campaign, pledgeId, Sector.STATE_ENTERPRISE, "T04");
        // Only the campaign's grand total was incremented before the process died.
        counters.increment(PledgeStatistics.COLLECTION, at(0),
                List.of(new CounterKey(CounterKey.campaignScope(campaign), CounterKey.TOTAL, CounterKey.ALL)),
                Map.of(PledgeStatistics.MADE, 1L));

        pledges.project(made, at(0));

        PledgeSummary summary = report.summary(campaign);
        assertThat(summary.made()).isEqualTo(1);
        assertThat(row(summary.bySector(), "STATE_ENTERPRISE").made()).isEqualTo(1);
        assertThat(row(summary.byTownship(), "T04").made()).isEqualTo(1);
    }

    @Test
    void countersOfSeveralPartitionsAreSummed() {
        pledges.project(organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T05"),
                new SourcePosition(topic, 0, 7));
        pledges.project(organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T05"),
                new SourcePosition(topic, 1, 3));

        PledgeSummary summary = report.summary(campaign);
        assertThat(summary.made()).isEqualTo(2);
        assertThat(row(summary.byTownship(), "T05").made()).isEqualTo(2);
    }

    @Test
    void fulfilmentOfAnUnknownPledgeIsUnprojectableAndCountsNothing() {
        assertThatThrownBy(() -> pledges.project(pledgeFulfilled(uniqueId("ghost"), 1), at(0)))
                .isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("unknown pledge");

        assertThat(report.summary(campaign).fulfilled()).isZero();
    }

    @Test
    void aReviewRedeliveredCountsOnce() {
        EventEnvelope review = reviewRecorded(campaign, uniqueId("r"), Rating.EXCELLENT);
        SourcePosition position = new SourcePosition(uniqueId("unit.evaluation-events"), 0, 0);

        reviews.project(review, position);
        reviews.project(review, position);
        reviews.project(review, new SourcePosition(position.topic(), 0, 1));

        PledgeSummary.Reviews figures = report.summary(campaign).reviews();
        assertThat(figures.recorded()).isEqualTo(1);
        assertThat(figures.byRating()).containsExactly(new PledgeSummary.RatingCount("EXCELLENT", 1));
    }

    private Document fact(String pledgeId) {
        return mongo.getCollection(PledgeStatistics.FACTS).find(eq("_id", pledgeId)).first();
    }

    private static PledgeSummary.Breakdown row(List<PledgeSummary.Breakdown> rows, String key) {
        return rows.stream().filter(row -> row.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows));
    }
}
