package org.campaign.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.TestPublisher;
import org.campaign.reporting.projection.KafkaProjectionConfiguration;
import org.campaign.reporting.projection.ProjectionListener;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.campaignDefined;
import static org.campaign.reporting.TestEvents.memberPledge;
import static org.campaign.reporting.TestEvents.organisationPledge;
import static org.campaign.reporting.TestEvents.pledgeFulfilled;
import static org.campaign.reporting.TestEvents.reviewRecorded;
import static org.campaign.reporting.TestEvents.uniqueId;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * Events published on the real Kafka topics reach the summary endpoint through the real MongoDB read model, and
 * the figures stay exact when the same events arrive again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class PledgeSummaryIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${campaign.topics.pledge-events}")
    String pledgeTopic;
    @Value("${campaign.topics.evaluation-events}")
    String evaluationTopic;

    TestPublisher publisher;

    @BeforeEach
    void openPublisher() {
        publisher = new TestPublisher(bootstrapServers);
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    /**
     * A campaign defined with three pledges in two sectors and two townships, one of them fulfilled, and one review.
     */
    record Scenario(String campaignId, List<EventEnvelope> pledgeEvents, List<EventEnvelope> reviewEvents) {

        static Scenario create() {
            String campaign = uniqueId("cxzy");
            String p1 = uniqueId("p1");
            String p2 = uniqueId("p2");
            String p3 = uniqueId("p3");
            return new Scenario(campaign, List.of(
                    campaignDefined(campaign),
                    memberPledge(campaign, p1, Sector.RURAL_VILLAGE, "T01", MemberCategory.FARMER),
                    organisationPledge(campaign, p2, Sector.RURAL_VILLAGE, "T02"),
                    organisationPledge(campaign, p3, Sector.URBAN_COMMUNITY, "T01"),
                    pledgeFulfilled(p1, 1)),
                    List.of(reviewRecorded(campaign, uniqueId("r1"), Rating.GOOD)));
        }

        String secondPledgeId() {
            return pledgeEvents.get(2).aggregateId();
        }
    }

    void publish(Scenario scenario) {
        scenario.pledgeEvents().forEach(event -> publisher.publish(pledgeTopic, event));
        scenario.reviewEvents().forEach(event -> publisher.publish(evaluationTopic, event));
    }

    @Test
    void summaryShowsPledgesMadeFulfilledAndReviewsPerSectorAndTownship() {
        Scenario scenario = Scenario.create();
        publish(scenario);

        eventually(TIMEOUT, () -> assertScenarioFigures(summary(scenario.campaignId())));

        JsonNode summary = summary(scenario.campaignId());
        assertThat(summary.get("campaignId").asText()).isEqualTo(scenario.campaignId());
        assertThat(summary.get("bySector")).hasSize(Sector.values().length);
        // Nothing pledged in the sector: nothing to rate, so no rate rather than 0.0.
        assertBreakdown(summary.get("bySector"), "STATE_ENTERPRISE", 0, 0, null);
        assertBreakdown(summary.get("byKind"), "PRACTICAL_DEED", 1, 1, 100.0);
        assertBreakdown(summary.get("byKind"), "WORK", 2, 0, 0.0);
        assertThat(summary.get("byMemberCategory")).hasSize(1);
        assertBreakdown(summary.get("byMemberCategory"), "FARMER", 1, 1, 100.0);
        // Every rating, those without reviews too, as in the reviews report.
        assertThat(summary.at("/reviews/byRating").findValuesAsText("key"))
                .containsExactly("EXCELLENT", "GOOD", "FAIR", "POOR");
        assertThat(summary.at("/reviews/byRating/1/recorded").asLong()).isEqualTo(1);
        assertThat(summary.at("/reviews/byRating/0/recorded").asLong()).isZero();

        JsonNode district = rest.getForObject("/api/reports/pledges/summary", JsonNode.class);
        assertThat(district.has("campaignId")).isFalse();
        assertThat(district.get("made").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(district.at("/reviews/recorded").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void redeliveredEventsChangeNothingAndOnlyTheNewEventCounts() throws Exception {
        Scenario scenario = Scenario.create();
        publish(scenario);
        eventually(TIMEOUT, () -> assertScenarioFigures(summary(scenario.campaignId())));

        // The write side publishes at least once: the very same envelopes again, then one new event on each topic
        // (once those count, so have the duplicates before them).
        publish(scenario);
        publisher.publish(pledgeTopic, pledgeFulfilled(scenario.secondPledgeId(), 1));
        publisher.publish(evaluationTopic, reviewRecorded(scenario.campaignId(), uniqueId("r2"), Rating.GOOD));

        eventually(TIMEOUT, () -> {
            JsonNode now = summary(scenario.campaignId());
            assertThat(now.get("fulfilled").asLong()).isEqualTo(2);
            assertThat(now.at("/reviews/recorded").asLong()).isEqualTo(2);
        });
        JsonNode summary = summary(scenario.campaignId());
        assertThat(summary.get("made").asLong()).isEqualTo(3);
        assertThat(summary.get("fulfilmentRate").asDouble()).isEqualTo(66.7);
        assertBreakdown(summary.get("bySector"), "RURAL_VILLAGE", 2, 2, 100.0);
        assertBreakdown(summary.get("bySector"), "URBAN_COMMUNITY", 1, 0, 0.0);
        assertBreakdown(summary.get("byTownship"), "T01", 2, 1, 50.0);
        assertBreakdown(summary.get("byTownship"), "T02", 1, 1, 100.0);
        assertThat(summary.at("/reviews/recorded").asLong()).isEqualTo(2);

        // The consumer itself redelivers: rewind the group to the start of both topics, as after a crash before
        // any offset was committed, then publish one more new event on each.
        replayTopicsFromTheStart();
        String latePledge = uniqueId("p4");
        publisher.publish(pledgeTopic, organisationPledge(scenario.campaignId(), latePledge, Sector.URBAN_COMMUNITY,
                "T02"));
        publisher.publish(evaluationTopic, reviewRecorded(scenario.campaignId(), uniqueId("r3"), Rating.GOOD));

        eventually(TIMEOUT, () -> {
            JsonNode now = summary(scenario.campaignId());
            assertThat(now.get("made").asLong()).isEqualTo(4);
            assertThat(now.at("/reviews/recorded").asLong()).isEqualTo(3);
        });
        summary = summary(scenario.campaignId());
        assertThat(summary.get("fulfilled").asLong()).isEqualTo(2);
        assertThat(summary.get("fulfilmentRate").asDouble()).isEqualTo(50.0);
        assertBreakdown(summary.get("bySector"), "RURAL_VILLAGE", 2, 2, 100.0);
        assertBreakdown(summary.get("bySector"), "URBAN_COMMUNITY", 2, 0, 0.0);
        assertBreakdown(summary.get("byTownship"), "T01", 2, 1, 50.0);
        assertBreakdown(summary.get("byTownship"), "T02", 2, 1, 50.0);
        assertThat(summary.at("/reviews/recorded").asLong()).isEqualTo(3);
    }

    @Test
    void invalidCampaignIdIsAProblem() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/reports/pledges/summary?campaignId={id}",
                JsonNode.class, "no spaces please");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void unknownCampaignIsNotFound() {
        String campaign = uniqueId("none");
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/reports/pledges/summary?campaignId={id}",
                JsonNode.class, campaign);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("No campaign " + campaign);

        // A campaign's first pledges may be projected before its definition (they travel on other partitions):
        // a campaign with figures is known.
        publisher.publish(pledgeTopic, organisationPledge(campaign, uniqueId("early"), Sector.RURAL_VILLAGE, "T01"));
        eventually(TIMEOUT, () -> assertThat(summary(campaign).get("made").asLong()).isEqualTo(1));
    }

    @Test
    void campaignWithoutFiguresHasZeroFiguresAndNoRate() {
        String campaign = uniqueId("none");
        publisher.publish(pledgeTopic, campaignDefined(campaign));
        eventually(TIMEOUT, () -> assertThat(rest.getForEntity("/api/reports/pledges/summary?campaignId={id}",
                JsonNode.class, campaign).getStatusCode()).isEqualTo(HttpStatus.OK));
        JsonNode summary = summary(campaign);

        assertThat(summary.get("made").asLong()).isZero();
        assertThat(summary.has("fulfilmentRate")).as("fulfilmentRate is there, as null").isTrue();
        assertThat(summary.get("fulfilmentRate").isNull()).as("fulfilmentRate " + summary.get("fulfilmentRate"))
                .isTrue();
        assertThat(summary.get("byTownship")).isEmpty();
        assertThat(summary.at("/reviews/recorded").asLong()).isZero();
    }

    @Test
    void healthIsUp() {
        JsonNode health = rest.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.get("status").asText()).isEqualTo("UP");
    }

    private void replayTopicsFromTheStart() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
        container.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> start = Map.of(new TopicPartition(pledgeTopic, 0),
                    new OffsetAndMetadata(0), new TopicPartition(evaluationTopic, 0), new OffsetAndMetadata(0));
            eventually(TIMEOUT, () -> admin.alterConsumerGroupOffsets(KafkaProjectionConfiguration.CONSUMER_GROUP,
                    start).all().get(10, TimeUnit.SECONDS));
        } finally {
            container.start();
        }
    }

    private JsonNode summary(String campaignId) {
        return rest.getForObject("/api/reports/pledges/summary?campaignId={id}", JsonNode.class, campaignId);
    }

    private static void assertScenarioFigures(JsonNode summary) {
        assertThat(summary.get("made").asLong()).isEqualTo(3);
        assertThat(summary.get("fulfilled").asLong()).isEqualTo(1);
        assertThat(summary.get("fulfilmentRate").asDouble()).isEqualTo(33.3);
        assertBreakdown(summary.get("bySector"), "RURAL_VILLAGE", 2, 1, 50.0);
        assertBreakdown(summary.get("bySector"), "URBAN_COMMUNITY", 1, 0, 0.0);
        assertThat(summary.get("byTownship")).hasSize(2);
        assertBreakdown(summary.get("byTownship"), "T01", 2, 1, 50.0);
        assertBreakdown(summary.get("byTownship"), "T02", 1, 0, 0.0);
        assertThat(summary.at("/reviews/recorded").asLong()).isEqualTo(1);
    }

    /** The row of {@code key}: its counts and its rate, which is there and {@code null} when {@code rate} is. */
    static void assertBreakdown(JsonNode rows, String key, long made, long fulfilled, Double rate) {
        JsonNode row = null;
        for (JsonNode candidate : rows) {
            if (key.equals(candidate.get("key").asText())) {
                row = candidate;
            }
        }
        assertThat(row).as("row %s in %s", key, rows).isNotNull();
        assertThat(row.get("made").asLong()).as("%s made", key).isEqualTo(made);
        assertThat(row.get("fulfilled").asLong()).as("%s fulfilled", key).isEqualTo(fulfilled);
        JsonNode actual = row.get("fulfilmentRate");
        assertThat(actual).as("%s rate in %s", key, row).isNotNull();
        assertThat(actual.isNumber() || actual.isNull()).as("%s rate %s", key, actual).isTrue();
        assertThat(actual.isNull() ? null : actual.doubleValue()).as("%s rate", key).isEqualTo(rate);
    }
}
