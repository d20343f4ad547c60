package org.campaign.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.TestCity;
import org.campaign.reporting.TestPublisher;
import org.campaign.reporting.rebuild.RebuildService;
import org.campaign.reporting.store.Generations;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.*;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * Every report against {@link TestCity}, whose true figures are known, published twice over the real topics (the
 * write services publish at least once): pledges by status and dimension, the tree roll-up, coverage, reviews and
 * rectifications, mass evaluations, assessments and the ledger, rankings and time series; then the live stream, the
 * history of a pledge, figures as of past dates, the lag, and a blue-green rebuild that must reproduce every figure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityReportsIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${campaign.topics.pledge-events}")
    String pledgeTopic;
    @Value("${campaign.topics.evaluation-events}")
    String evaluationTopic;

    @Autowired
    Generations generations;
    @Autowired
    RebuildService rebuilds;
    @Autowired
    MongoTemplate mongo;

    final TestCity city = new TestCity();

    @BeforeAll
    void publishTheCityTwice() {
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            for (int copy = 0; copy < 2; copy++) {
                city.pledgeTopic.forEach(event -> publisher.publish(pledgeTopic, event));
                city.evaluationTopic.forEach(event -> publisher.publish(evaluationTopic, event));
            }
        }
        eventually(TIMEOUT, () -> {
            assertThat(get("/api/reports/pledges/summary?campaignId=" + city.campaign).get("lapsed").asLong()).isEqualTo(1);
            assertThat(get("/api/reports/assessments?campaignId=" + city.campaign).at("/ledger/checkFailed").asLong()).isEqualTo(1);
            assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero();
        });
    }

    @Test
    @Order(1)
    void pledgesByStatusAndDimension() {
        JsonNode s = get("/api/reports/pledges/summary?campaignId=" + city.campaign);
        assertThat(s.get("made").asLong()).isEqualTo(6);
        assertThat(s.get("approved").asLong()).isEqualTo(4);
        assertThat(s.get("published").asLong()).isEqualTo(2);
        assertThat(s.get("fulfilled").asLong()).isEqualTo(2);
        assertThat(s.get("lapsed").asLong()).isEqualTo(1);
        assertThat(s.get("withdrawn").asLong()).isEqualTo(1);
        assertThat(s.get("open").asLong()).isEqualTo(2);
        assertThat(s.get("sentBack").asLong()).isEqualTo(1);
        assertThat(s.get("fulfilmentRate").asDouble()).isEqualTo(40.0);
        assertThat(keyed(s.get("byStatus"), "pledges")).isEqualTo(Map.of("MADE", 1L, "SENT_BACK", 0L, "REVISED", 0L,
                "APPROVED", 0L, "PUBLISHED", 1L, "FULFILLED", 2L, "LAPSED", 1L, "WITHDRAWN", 1L));
        assertThat(keyed(s.get("byKind"), "made")).isEqualTo(Map.of("PRACTICAL_DEED", 3L, "WORK", 3L));
        assertThat(keyed(s.get("byFocus"), "made")).isEqualTo(Map.of("CENTRAL_WORK", 3L, "OWN_SITUATION", 1L, "PUBLIC_WISHES", 2L));
        assertThat(keyed(s.get("byPledgerType"), "made")).isEqualTo(Map.of("MEMBER", 4L, "ORGANISATION", 2L));
        assertThat(keyed(s.get("byMemberCategory"), "made")).isEqualTo(Map.of("FARMER", 3L, "COMMUNITY_RESIDENT", 1L));
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("byTownship"), city.e, 4, 1, 33.3);
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("byTownship"), city.w, 2, 1, 50.0);
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("bySector"), "RURAL_VILLAGE", 4, 1, 33.3);
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("bySector"), "URBAN_COMMUNITY", 2, 1, 50.0);
        // Nothing pledged in a sector, or every pledge withdrawn (p2, the only one on its own situation): nothing to
        // rate, so the rate is null — unlike a pledge not fulfilled yet (p6, a community resident's): 0.0.
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("bySector"), "STATE_ENTERPRISE", 0, 0, null);
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("byFocus"), "OWN_SITUATION", 1, 0, null);
        PledgeSummaryIntegrationTest.assertBreakdown(s.get("byMemberCategory"), "COMMUNITY_RESIDENT", 1, 0, 0.0);
        assertThat(s.at("/reviews/recorded").asLong()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void nodesRollUpTheirSubtrees() {
        JsonNode east = get("/api/reports/organisations/" + city.e + "?campaignId=" + city.campaign);
        assertThat(east.get("path")).extracting(JsonNode::asText).containsExactly(city.d, city.e);
        assertThat(east.at("/figures/pledges/made").asLong()).isEqualTo(4);
        assertThat(east.at("/figures/pledges/fulfilled").asLong()).isEqualTo(1);
        assertThat(east.at("/figures/pledges/fulfilmentRate").asDouble()).isEqualTo(33.3);
        assertThat(east.at("/figures/members/enrolled").asLong()).isEqualTo(3);
        assertThat(east.at("/figures/members/withPledge").asLong()).isEqualTo(2);
        assertThat(east.at("/figures/members/share").asDouble()).isEqualTo(66.7);
        assertThat(east.at("/figures/organisations").asLong()).isEqualTo(3);
        assertThat(east.at("/figures/pledgingOrganisations/covered").asLong()).isEqualTo(1);
        assertThat(east.get("children")).extracting(c -> c.get("organisationId").asText()).containsExactly(city.e1, city.e2);
        assertThat(east.at("/children/0/figures/pledges/made").asLong()).isEqualTo(3);
        // River village: its one pledge lapsed (a rate of 0.0), and it had no mass evaluation (no rate at all).
        assertZero(east.at("/children/1/figures/pledges/fulfilmentRate"));
        assertThat(east.at("/children/1/figures/satisfaction/respondents").asLong()).isZero();
        assertNullRate(east.at("/children/1/figures/satisfaction/satisfactionRate"));

        JsonNode district = get("/api/reports/organisations/" + city.d + "?campaignId=" + city.campaign);
        assertThat(district.at("/figures/pledges/made").asLong()).isEqualTo(6);
        assertThat(district.at("/figures/members/enrolled").asLong()).isEqualTo(5);
        assertThat(district.at("/figures/members/withPledge").asLong()).isEqualTo(3);
        assertThat(district.at("/figures/members/share").asDouble()).isEqualTo(60.0);
        assertThat(district.at("/figures/organisations").asLong()).isEqualTo(6);
        assertThat(district.at("/figures/reviews").asLong()).isEqualTo(3);
        assertThat(district.at("/figures/satisfaction/satisfactionRate").asDouble()).isEqualTo(90.0);
        assertThat(district.at("/figures/assessments/averageTotal").asDouble()).isEqualTo(74.2);

        ResponseEntity<JsonNode> unknown = rest.getForEntity("/api/reports/organisations/nowhere", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(3)
    void reviewsAndRectifications() {
        JsonNode r = get("/api/reports/reviews?campaignId=" + city.campaign);
        assertThat(r.get("recorded").asLong()).isEqualTo(3);
        assertThat(keyed(r.get("byRating"), "recorded")).isEqualTo(Map.of("EXCELLENT", 1L, "GOOD", 1L, "FAIR", 0L, "POOR", 1L));
        assertThat(r.get("byRound")).extracting(x -> x.get("round").asText() + "=" + x.get("recorded").asLong())
                .containsExactly("2011-H1=2", "2011-H2=1");
        assertThat(r.at("/byRound/0/rectificationRequired").asLong()).isEqualTo(2);
        JsonNode rect = r.get("rectifications");
        assertThat(rect.get("required").asLong()).isEqualTo(2);
        assertThat(rect.get("committed").asLong()).isEqualTo(1);
        assertThat(rect.get("completed").asLong()).isEqualTo(1);
        assertThat(rect.get("accepted").asLong()).isEqualTo(1);
        assertThat(rect.get("open").asLong()).isEqualTo(1);
        assertThat(rect.get("overdue").asLong()).isEqualTo(1);
        // On 1 August 2011 the open rectification (due 15 August) was not overdue yet.
        assertZero(get("/api/reports/reviews?campaignId=" + city.campaign + "&asOf=2011-08-01")
                .at("/rectifications/overdue"));
    }

    @Test
    @Order(4)
    void coverageOfMembersAndOrganisations() {
        JsonNode c = get("/api/reports/coverage?campaignId=" + city.campaign + "&round=2011-H1");
        assertThat(c.at("/members/enrolled").asLong()).isEqualTo(5);
        assertThat(c.at("/members/withPledge").asLong()).isEqualTo(3);
        assertThat(c.at("/organisationsReviewed/organisations").asLong()).isEqualTo(6);
        assertThat(c.at("/organisationsReviewed/covered").asLong()).isEqualTo(2);
        assertThat(c.at("/organisationsReviewed/share").asDouble()).isEqualTo(33.3);
        assertThat(c.at("/organisationsEvaluated/covered").asLong()).isEqualTo(2);
        JsonNode farmers = find(c.get("membersByCategory"), "key", "FARMER");
        assertThat(farmers.get("enrolled").asLong()).isEqualTo(3);
        assertThat(farmers.get("withPledge").asLong()).isEqualTo(2);
        JsonNode east = find(c.get("byTownship"), "key", city.e);
        assertThat(east.at("/members/share").asDouble()).isEqualTo(66.7);
        assertThat(east.at("/organisationsReviewed/covered").asLong()).isEqualTo(1);
        assertThat(get("/api/reports/coverage?campaignId=" + city.campaign + "&round=2011-H2")
                .at("/organisationsReviewed/covered").asLong()).isEqualTo(1);
        // Nobody enrolled: no share rather than 0.0, in a category and in the district committee's own township
        // (itself alone, without members), whose one organisation made no pledge (a share of 0.0).
        JsonNode staff = find(c.get("membersByCategory"), "key", "GOVERNMENT_STAFF");
        assertThat(staff.get("enrolled").asLong()).isZero();
        assertNullRate(staff.path("share"));
        JsonNode committee = find(c.get("byTownship"), "key", city.d);
        assertThat(committee.at("/members/enrolled").asLong()).isZero();
        assertNullRate(committee.at("/members/share"));
        assertZero(committee.at("/organisationsPledging/share"));
    }

    @Test
    @Order(5)
    void massEvaluationsAssessmentsAndTheLedger() {
        JsonNode ev = get("/api/reports/evaluations?campaignId=" + city.campaign);
        assertThat(ev.get("opened").asLong()).isEqualTo(2);
        assertThat(ev.get("open").asLong()).isZero();
        assertThat(ev.at("/overall/respondents").asLong()).isEqualTo(70);
        assertThat(ev.at("/overall/satisfactionRate").asDouble()).isEqualTo(90.0);
        assertThat(find(ev.get("byTownship"), "key", city.e).at("/satisfaction/satisfactionRate").asDouble()).isEqualTo(96.0);
        assertThat(find(ev.get("bySector"), "key", "URBAN_COMMUNITY").at("/satisfaction/satisfactionRate").asDouble()).isEqualTo(75.0);
        // A sector is named by its key, like the breakdowns of the pledge summary; a township by its organisation.
        assertThat(find(ev.get("bySector"), "key", "URBAN_COMMUNITY").has("name")).isFalse();
        assertThat(find(ev.get("byTownship"), "key", city.e).get("name").isTextual()).isTrue();
        assertThat(ev.at("/byOrganisation/0/key").asText()).isEqualTo(city.w1);
        // No evaluation of an organ of government: no respondents, no rate.
        JsonNode organs = find(ev.get("bySector"), "key", "GOVERNMENT_ORGAN");
        assertThat(organs.at("/satisfaction/respondents").asLong()).isZero();
        assertNullRate(organs.at("/satisfaction/satisfactionRate"));

        JsonNode as = get("/api/reports/assessments?campaignId=" + city.campaign);
        assertThat(as.at("/organisations/scored").asLong()).isEqualTo(3);
        assertThat(as.at("/organisations/advanced").asLong()).isEqualTo(1);
        assertThat(as.at("/organisations/middle").asLong()).isEqualTo(1);
        assertThat(as.at("/organisations/lagging").asLong()).isEqualTo(1);
        assertThat(as.at("/organisations/averageTotal").asDouble()).isEqualTo(74.2);
        assertThat(find(as.get("byTownship"), "key", city.w).at("/grades/lagging").asLong()).isEqualTo(1);
        JsonNode ledger = as.get("ledger");
        assertThat(ledger.get("listed").asLong()).isEqualTo(1);
        assertThat(ledger.get("onLedger").asLong()).isEqualTo(1);
        assertThat(ledger.get("withMeasures").asLong()).isEqualTo(1);
        assertThat(ledger.get("withLeader").asLong()).isEqualTo(1);
        // The evaluation service's statuses: a unit whose final check failed is rectifying again.
        assertThat(ledger.get("byStatus").fieldNames()).toIterable()
                .containsExactly("LISTED", "LEADER_ASSIGNED", "RECTIFYING", "CLEARED");
        assertThat(ledger.at("/byStatus/RECTIFYING").asLong()).isEqualTo(1);
        assertThat(ledger.get("checkFailed").asLong()).isEqualTo(1);
        assertZero(ledger.get("clearedShare"));
        JsonNode unit = ledger.at("/units/0");
        assertThat(unit.get("status").asText()).isEqualTo("RECTIFYING");
        assertThat(unit.get("failedChecks").asLong()).isEqualTo(1);
        assertThat(unit.get("organisationId").asText()).isEqualTo(city.w1);
        assertThat(unit.get("name").asText()).isEqualTo("花园社区党支部");
        assertThat(unit.get("progressReports").asLong()).isEqualTo(1);
        assertThat(unit.get("leaderId").asText()).isEqualTo("leader-7");
        // A number, as in the ledger API and the report's averageTotal.
        assertThat(unit.get("total").isNumber()).isTrue();
        assertThat(unit.get("total").decimalValue()).isEqualByComparingTo("55.0");
    }

    @Test
    @Order(6)
    void rankingsTimelinesAndCampaigns() {
        JsonNode ranking = get("/api/reports/rankings?by=township&metric=fulfilmentRate&campaignId=" + city.campaign);
        // Every township of the tree, the district committee's own too; one without pledges has no rate, and is last.
        assertThat(ranking.get("rows")).extracting(r -> r.get("rank").asInt() + ":" + r.get("key").asText())
                .containsExactly("1:" + city.w, "2:" + city.e, "3:" + city.d);
        assertThat(ranking.at("/rows/2/made").asLong()).isZero();
        assertThat(ranking.at("/rows/2").has("fulfilmentRate")).isFalse();
        assertThat(ranking.at("/rows/2/name").asText()).isEqualTo("区委");
        assertThat(rest.getForEntity("/api/reports/rankings?by=organisation&parentId=nope", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode bySatisfaction = get("/api/reports/rankings?by=organisation&metric=satisfactionRate&parentId=" + city.d
                + "&campaignId=" + city.campaign);
        assertThat(bySatisfaction.get("rows")).extracting(r -> r.get("key").asText()).containsExactly(city.e, city.w);
        JsonNode sectors = get("/api/reports/rankings?by=sector&metric=made&campaignId=" + city.campaign);
        assertThat(sectors.at("/rows/0/key").asText()).isEqualTo("RURAL_VILLAGE");

        JsonNode months = get("/api/reports/pledges/timeline?period=month&campaignId=" + city.campaign);
        assertThat(find(months.get("points"), "period", "2011-06").get("made").asLong()).isEqualTo(6);
        assertThat(find(months.get("points"), "period", "2011-07").get("approved").asLong()).isEqualTo(4);
        assertThat(find(months.get("points"), "period", "2011-10").get("fulfilled").asLong()).isEqualTo(1);
        assertThat(find(months.get("points"), "period", "2011-11").get("fulfilled").asLong()).isEqualTo(1);
        assertThat(find(months.get("points"), "period", "2011-12").get("lapsed").asLong()).isEqualTo(1);
        JsonNode weeks = get("/api/reports/pledges/timeline?period=week&campaignId=" + city.campaign);
        assertThat(find(weeks.get("points"), "period", "2011-W22").get("made").asLong()).isEqualTo(6);
        JsonNode east = get("/api/reports/pledges/timeline?period=month&campaignId=" + city.campaign
                + "&townshipId=" + city.e);
        assertThat(east.get("townshipId").asText()).isEqualTo(city.e);
        assertThat(find(east.get("points"), "period", "2011-06").get("made").asLong()).isEqualTo(4);
        assertThat(find(east.get("points"), "period", "2011-10").get("fulfilled").asLong()).isEqualTo(1);
        assertThat(east.get("points")).extracting(p -> p.get("period").asText()).doesNotContain("2011-11");
        JsonNode urban = get("/api/reports/pledges/timeline?period=month&campaignId=" + city.campaign
                + "&sector=URBAN_COMMUNITY");
        assertThat(find(urban.get("points"), "period", "2011-06").get("made").asLong()).isEqualTo(2);
        assertThat(find(urban.get("points"), "period", "2011-11").get("fulfilled").asLong()).isEqualTo(1);
        assertThat(urban.get("points")).extracting(p -> p.get("period").asText()).doesNotContain("2011-10");
        assertThat(rest.getForEntity("/api/reports/pledges/timeline?sector=URBAN_COMMUNITY&townshipId=" + city.e,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> nowhere = rest.getForEntity("/api/reports/pledges/timeline?sector=NOWHERE",
                JsonNode.class);
        assertThat(nowhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nowhere.getBody().get("detail").asText()).isEqualTo("Invalid parameters: sector");
        assertThat(nowhere.getBody().at("/errors/0/message").asText()).startsWith("'NOWHERE' is not one of RURAL_VILLAGE");
        ResponseEntity<JsonNode> yearly = rest.getForEntity("/api/reports/pledges/timeline?period=year", JsonNode.class);
        assertThat(yearly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(yearly.getBody().get("detail").asText()).isEqualTo("Invalid parameters: period");
        assertThat(yearly.getBody().at("/errors/0/message").asText()).isEqualTo("must be week or month");

        JsonNode campaigns = get("/api/reports/campaigns");
        assertThat(find(campaigns, "campaignId", city.campaign).at("/pledges/made").asLong()).isEqualTo(6);
    }

    @Test
    @Order(7)
    void historyOfAPledgeInSequenceOrder() {
        JsonNode history = get("/api/audit/history/" + city.p3);
        assertThat(history.get("events").asInt()).isEqualTo(5);
        assertThat(history.get("history")).extracting(e -> e.get("type").asText()).containsExactly("PledgeMade",
                "PledgeSentBack", "PledgeRevised", "PledgeApproved", "PledgeLapsed");
        JsonNode first = history.at("/history/0");
        assertThat(first.get("userId").asText()).isEqualTo("clerk-1");
        assertThat(first.get("agencyId").asText()).isEqualTo("agency-T01");
        assertThat(first.get("correlationId").asText()).isNotBlank();
        assertThat(first.get("occurredAt").asText()).isEqualTo("2011-06-01T08:00:00Z");
        assertThat(first.at("/payload/pledger/id").asText()).endsWith("-m3");
        assertThat(rest.getForEntity("/api/audit/history/none", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(8)
    void figuresAsTheyStoodOnPastDates() {
        // p5 was fulfilled on 1 November 2011: not yet on 31 October.
        JsonNode october = get("/api/reports/pledges/summary?campaignId=" + city.campaign + "&asOf=2011-10-31");
        assertThat(october.get("asOf").asText()).isEqualTo("2011-10-31T15:59:59.999999999Z");
        assertThat(october.get("made").asLong()).isEqualTo(6);
        assertThat(october.get("fulfilled").asLong()).isEqualTo(1);
        JsonNode november = get("/api/reports/pledges/summary?campaignId=" + city.campaign + "&asOf=2011-11-01T02:00:00Z");
        assertThat(november.get("fulfilled").asLong()).isEqualTo(2);
        // The campaign was not defined yet, but it is now: zeros, not a 404.
        JsonNode beforeAnything = get("/api/reports/pledges/summary?campaignId=" + city.campaign + "&asOf=2011-05-31");
        assertThat(beforeAnything.get("made").asLong()).isZero();
        assertNullRate(beforeAnything.path("fulfilmentRate"));
        JsonNode coverageBefore = get("/api/reports/coverage?campaignId=" + city.campaign + "&asOf=2011-05-31");
        assertNullRate(coverageBefore.at("/members/share"));
        assertNullRate(coverageBefore.at("/organisationsPledging/share"));
        assertNullRate(get("/api/reports/evaluations?campaignId=" + city.campaign + "&asOf=2011-05-31")
                .at("/overall/satisfactionRate"));
        JsonNode node = get("/api/reports/organisations/" + city.w + "?campaignId=" + city.campaign + "&asOf=2011-10-31");
        assertZero(node.at("/figures/pledges/fulfilled"));
        JsonNode westInOctober = get("/api/reports/pledges/timeline?campaignId=" + city.campaign + "&townshipId="
                + city.w + "&asOf=2011-10-31");
        assertThat(find(westInOctober.get("points"), "period", "2011-06").get("made").asLong()).isEqualTo(2);
        assertThat(westInOctober.get("points")).extracting(p -> p.get("period").asText()).doesNotContain("2011-11");
        ResponseEntity<JsonNode> bad = rest.getForEntity("/api/reports/pledges/summary?asOf=yesterday", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @Order(9)
    void lagAndMetrics() {
        JsonNode lag = get("/api/reports/lag");
        assertThat(lag.get("partitions")).anySatisfy(p -> {
            assertThat(p.get("topic").asText()).isEqualTo(pledgeTopic);
            assertThat(p.get("lag").asLong()).isZero();
            assertThat(p.get("endOffset").asLong()).isEqualTo(p.get("committedOffset").asLong());
            assertThat(p.has("lastEventTime")).isTrue();
        });
        assertThat(lag.get("lastEventTime").asText()).isNotBlank();
        assertZero(get("/actuator/metrics/reporting.projection.lag").at("/measurements/0/value"));
        assertThat(get("/actuator/metrics/reporting.projection.events").at("/measurements/0/value").asDouble()).isPositive();
    }

    @Test
    @Order(10)
    void theStreamPushesChangedFigures() throws Exception {
        String campaign = defineCampaign(uniqueId("stream"));
        List<String> data = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/reports/stream?campaignId=" + campaign)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5));
                    }
                }
            } catch (Exception ignored) {
                // the stream is closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            // Nothing made yet: the rate is there, and null.
            eventually(TIMEOUT, () -> assertThat(data).anySatisfy(d -> {
                JsonNode summary = JSON.readTree(d);
                assertThat(summary.get("made").asLong()).isZero();
                assertNullRate(summary.path("fulfilmentRate"));
            }));
            try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
                publisher.publish(pledgeTopic, organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T1"));
                publisher.publish(pledgeTopic, organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T1"));
            }
            eventually(TIMEOUT, () -> assertThat(data).anySatisfy(d -> {
                JsonNode summary = JSON.readTree(d);
                assertThat(summary.get("campaignId").asText()).isEqualTo(campaign);
                assertThat(summary.get("made").asLong()).isEqualTo(2);
                assertZero(summary.get("fulfilmentRate"));
            }));
        } finally {
            response.body().close();
        }
    }

    @Test
    @Order(10)
    void ratesWithNothingToRateAreNullAndListedLast() {
        // A campaign with mass evaluations only. The evaluation service closes none without answers; should the
        // topic carry such all the same, they have no rate.
        String campaign = uniqueId("unrated");
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, campaignDefined(campaign));
            publisher.publish(evaluationTopic, evaluationClosed(campaign, city.w1, city.w, 0, 0, 0));
            publisher.publish(evaluationTopic, evaluationClosed(campaign, city.e2, city.e, 0, 0, 0));
            publisher.publish(evaluationTopic, evaluationClosed(campaign, city.e1, city.e, 3, 1, 1));
        }
        String evaluations = "/api/reports/evaluations?campaignId=" + campaign;
        eventually(TIMEOUT, () -> assertThat(get(evaluations).at("/overall/evaluationsClosed").asLong()).isEqualTo(3));

        JsonNode ev = get(evaluations);
        assertThat(ev.at("/overall/satisfactionRate").asDouble()).isEqualTo(80.0);
        // Least satisfied first; those without respondents last, by key.
        assertThat(ev.get("byOrganisation")).extracting(r -> r.get("key").asText())
                .containsExactly(city.e1, city.e2, city.w1);
        assertNullRate(ev.at("/byOrganisation/1/satisfaction/satisfactionRate"));
        assertNullRate(ev.at("/byOrganisation/2/satisfaction/satisfactionRate"));
        assertNullRate(find(ev.get("byTownship"), "key", city.w).at("/satisfaction/satisfactionRate"));

        // Nothing made in the campaign: no fulfilment rate; river village's member made no pledge in it: 0.0.
        JsonNode river = get("/api/reports/organisations/" + city.e2 + "?campaignId=" + campaign);
        assertThat(river.at("/figures/pledges/made").asLong()).isZero();
        assertNullRate(river.at("/figures/pledges/fulfilmentRate"));
        assertNullRate(river.at("/figures/satisfaction/satisfactionRate"));
        assertZero(river.at("/figures/members/share"));
        assertNullRate(get("/api/reports/pledges/summary?campaignId=" + campaign).path("fulfilmentRate"));
        // The rankings leave such a rate out of its row instead, and rank the row last.
        JsonNode sectors = get("/api/reports/rankings?by=sector&metric=satisfactionRate&campaignId=" + campaign);
        assertThat(sectors.at("/rows/0/key").asText()).isEqualTo("RURAL_VILLAGE");
        assertThat(find(sectors.get("rows"), "key", "URBAN_COMMUNITY").has("satisfactionRate")).isFalse();
        List<Boolean> rated = new ArrayList<>();
        sectors.get("rows").forEach(row -> rated.add(row.has("satisfactionRate")));
        assertThat(rated).contains(false).isSortedAccordingTo(Comparator.reverseOrder());
        // Nothing listed on the campaign's ledger: no share cleared.
        assertNullRate(get("/api/reports/assessments?campaignId=" + campaign).at("/ledger/clearedShare"));
    }

    @Test
    @Order(10)
    void reportsSharedBetweenRequestsShowAChangeAsAFullReadWould() {
        String campaign = defineCampaign(uniqueId("again"));
        String subtree = "/api/reports/organisations/" + city.e + "?campaignId=" + campaign;
        String coverage = "/api/reports/coverage?campaignId=" + campaign;
        List<String> others = List.of("/api/reports/organisations?campaignId=" + campaign,
                "/api/reports/rankings?by=sector&campaignId=" + campaign,
                "/api/reports/rankings?by=organisation&campaignId=" + campaign,
                "/api/reports/evaluations?campaignId=" + campaign,
                "/api/reports/pledges/summary?campaignId=" + campaign,
                "/api/reports/pledges/timeline?period=week&campaignId=" + campaign,
                "/api/reports/pledges/timeline?period=month&townshipId=" + city.e + "&campaignId=" + campaign,
                "/api/reports/reviews?campaignId=" + campaign);
        assertZero(get(subtree).at("/figures/pledges/made"));
        assertZero(get(coverage).at("/organisationsPledging/covered"));
        others.forEach(this::get);

        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, pledgeMade(campaign, uniqueId("p"), new Pledger(PledgerType.ORGANISATION,
                    city.e1, null, city.e1, Sector.RURAL_VILLAGE, city.e), PledgeKind.WORK, PledgeFocus.PUBLIC_WISHES,
                    DEFAULT_TIME));
            publisher.publish(pledgeTopic, pledgeMade(campaign, uniqueId("p"), new Pledger(PledgerType.MEMBER,
                    uniqueId("m"), MemberCategory.FARMER, city.e1, Sector.RURAL_VILLAGE, city.e), PledgeKind.WORK,
                    PledgeFocus.OWN_SITUATION, DEFAULT_TIME));
            // A member of an organisation not on the roster changes the district's roster counters only: it is in
            // no group of the campaign's figures, before or after.
            publisher.publish(pledgeTopic, memberEnrolled(uniqueId("m"), uniqueId("off-roster"),
                    MemberCategory.FARMER));
        }
        eventually(TIMEOUT, () -> assertThat(get("/api/reports/pledges/summary?campaignId=" + campaign).get("made")
                .asLong()).isEqualTo(2));
        eventually(TIMEOUT, () -> assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero());

        // Read once, not until it holds: the figures shared before the pledges must not be served after them.
        JsonNode shared = get(subtree);
        assertThat(shared.at("/figures/pledges/made").asLong()).isEqualTo(2);
        assertThat(shared.at("/figures/members/withPledge").asLong()).isEqualTo(1);
        assertThat(shared.at("/children/0/figures/pledges/made").asLong()).isEqualTo(2);
        JsonNode sharedCoverage = get(coverage);
        assertThat(sharedCoverage.at("/organisationsPledging/covered").asLong()).isEqualTo(1);
        assertThat(sharedCoverage.at("/members/withPledge").asLong()).isEqualTo(1);
        List<JsonNode> sharedOthers = others.stream().map(this::get).toList();
        assertThat(sharedOthers.get(5).at("/points/0/made").asLong()).isEqualTo(2);

        // Brought up to date from the changed documents alone, they equal the figures read and summed in full.
        generations.forget(generations.active());
        assertThat(get(subtree)).isEqualTo(shared);
        assertThat(get(coverage)).isEqualTo(sharedCoverage);
        for (int i = 0; i < others.size(); i++) {
            assertThat(get(others.get(i))).as(others.get(i)).isEqualTo(sharedOthers.get(i));
        }

        // A second farmer of the same organisation pledges: a pledger set grows, and the figures read in full above
        // are brought up to date from it.
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, pledgeMade(campaign, uniqueId("p"), new Pledger(PledgerType.MEMBER,
                    uniqueId("m"), MemberCategory.FARMER, city.e1, Sector.RURAL_VILLAGE, city.e), PledgeKind.WORK,
                    PledgeFocus.OWN_SITUATION, DEFAULT_TIME));
        }
        eventually(TIMEOUT, () -> assertThat(get(coverage).at("/members/withPledge").asLong()).isEqualTo(2));
        JsonNode grown = get(coverage);
        generations.forget(generations.active());
        assertThat(get(coverage)).isEqualTo(grown);
    }

    @Test
    @Order(10)
    void aMistypedIdIsNotFoundInEveryReportThatTakesIt() throws Exception {
        for (String report : List.of("pledges/summary", "pledges/timeline", "organisations",
                "organisations/" + city.e, "coverage", "reviews", "evaluations", "assessments", "rankings?by=township",
                "rankings?by=sector", "rankings?by=organisation")) {
            String query = report.contains("?") ? "&" : "?";
            assertNotFound("/api/reports/" + report + query + "campaignId=nope", "No campaign nope");
            assertNotFound("/api/reports/" + report + query + "campaignId=nope&asOf=2011-10-31", "No campaign nope");
        }
        HttpResponse<String> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/reports/stream?campaignId=nope"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).isEqualTo(404);
        assertNotFound("/api/reports/pledges/timeline?townshipId=nowhere", "No township nowhere");
        // A village heads no township of its own.
        assertNotFound("/api/reports/pledges/timeline?townshipId=" + city.e1, "No township " + city.e1);
        assertNotFound("/api/reports/organisations/nowhere?asOf=2011-10-31", "No organisation nowhere");
        for (String by : List.of("township", "sector", "organisation")) {
            assertNotFound("/api/reports/rankings?by=" + by + "&parentId=nowhere", "No organisation nowhere");
        }
        // A known parent with a ranking of townships would be ignored: it is refused instead.
        ResponseEntity<JsonNode> misplaced = rest.getForEntity("/api/reports/rankings?by=township&parentId=" + city.d,
                JsonNode.class);
        assertThat(misplaced.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(misplaced.getBody().get("detail").asText()).contains("by=organisation");
        // No campaign asked for: every campaign; an empty id is invalid, not unknown.
        assertThat(get("/api/reports/pledges/summary").has("campaignId")).isFalse();
        assertThat(rest.getForEntity("/api/reports/pledges/summary?campaignId=", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // An empty date is not "now", and the stream has no past: both are refused, naming asOf.
        ResponseEntity<JsonNode> emptyDate = rest.getForEntity("/api/reports/pledges/summary?asOf=", JsonNode.class);
        assertThat(emptyDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(emptyDate.getBody().get("detail").asText()).startsWith("asOf: ");
        HttpResponse<String> pastStream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/reports/stream?asOf=2011-01-01"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pastStream.statusCode()).isEqualTo(400);
        assertThat(pastStream.body()).contains("asOf: the stream pushes live figures only");

        // What exists now, but did not yet at the instant asked for, answers with zeros and no rows.
        JsonNode unregistered = get("/api/reports/organisations/" + city.e + "?campaignId=" + city.campaign
                + "&asOf=2011-05-31");
        assertThat(unregistered.get("organisationId").asText()).isEqualTo(city.e);
        assertThat(unregistered.get("active").asBoolean()).isFalse();
        assertThat(unregistered.get("path")).isEmpty();
        assertThat(unregistered.get("children")).isEmpty();
        assertZero(unregistered.at("/figures/pledges/made"));
        assertNullRate(unregistered.at("/figures/pledges/fulfilmentRate"));
        assertThat(get("/api/reports/rankings?by=organisation&parentId=" + city.e + "&campaignId=" + city.campaign
                + "&asOf=2011-05-31").get("rows")).isEmpty();
        assertThat(get("/api/reports/pledges/timeline?townshipId=" + city.e + "&campaignId=" + city.campaign
                + "&asOf=2011-05-31").get("points")).isEmpty();
    }

    @Test
    @Order(10)
    void deregisteredOrganisationsHaveNoRowsButTheirHistoryCounts() {
        String campaign = uniqueId("merged");
        String south = uniqueId("south-street");
        String old = uniqueId("old-branch");
        String offTree = uniqueId("off-tree");
        String oldPledge = uniqueId("p");
        Instant deregisteredAt = Instant.parse("2012-01-15T00:00:00Z");
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, campaignDefined(campaign));
            publisher.publish(pledgeTopic, organisationRegistered(south, "南街道党工委", Sector.URBAN_COMMUNITY, city.d,
                    south, List.of(city.d, south)));
            publisher.publish(pledgeTopic, organisationRegistered(old, "老支部", Sector.RURAL_VILLAGE, city.e, city.e,
                    List.of(city.d, city.e, old)));
            publisher.publish(pledgeTopic, pledgeMade(campaign, uniqueId("p"), new Pledger(PledgerType.ORGANISATION,
                    south, null, south, Sector.URBAN_COMMUNITY, south), PledgeKind.WORK, PledgeFocus.CENTRAL_WORK,
                    DEFAULT_TIME));
            publisher.publish(pledgeTopic, pledgeMade(campaign, oldPledge, new Pledger(PledgerType.ORGANISATION, old,
                    null, old, Sector.RURAL_VILLAGE, city.e), PledgeKind.WORK, PledgeFocus.CENTRAL_WORK,
                    DEFAULT_TIME));
            publisher.publish(pledgeTopic, pledgeFulfilled(oldPledge, 1));
            // A township that no organisation of the tree heads, only named by a pledge.
            publisher.publish(pledgeTopic, organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, offTree));
            publisher.publish(evaluationTopic, evaluationClosed(campaign, old, city.e, 8, 1, 1));
            publisher.publish(evaluationTopic, evaluationClosed(campaign, south, south, 5, 0, 5));
            publisher.publish(evaluationTopic, evaluationClosed(campaign, city.e1, city.e, 3, 1, 1));
            String assessment = uniqueId("a");
            publisher.publish(evaluationTopic, evaluationEvent("EvaluationScored", "Assessment", assessment, 0,
                    Map.of("assessmentId", assessment, "campaignId", campaign, "subjectType", "ORGANISATION",
                            "organisationId", south, "townshipId", south, "total", 55.0, "grade", "LAGGING")));
            publisher.publish(pledgeTopic, at(organisationDeregistered(south, 1), deregisteredAt));
            publisher.publish(pledgeTopic, at(organisationDeregistered(old, 1), deregisteredAt));
        }
        String inCampaign = "campaignId=" + campaign;
        eventually(TIMEOUT, () -> {
            assertThat(get("/api/reports/pledges/summary?" + inCampaign).get("made").asLong()).isEqualTo(3);
            assertThat(get("/api/reports/assessments?" + inCampaign).at("/organisations/scored").asLong()).isOne();
            assertThat(get("/api/reports/organisations/" + south).get("active").asBoolean()).isFalse();
            assertThat(get("/api/reports/organisations/" + old).get("active").asBoolean()).isFalse();
            assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero();
        });

        // Their history counts: in the district, in the township above the old branch, and by the township a
        // pledge was made in.
        PledgeSummaryIntegrationTest.assertBreakdown(get("/api/reports/pledges/summary?" + inCampaign)
                .get("byTownship"), south, 1, 0, 0.0);
        JsonNode district = get("/api/reports/organisations/" + city.d + "?" + inCampaign);
        assertThat(district.at("/figures/pledges/made").asLong()).isEqualTo(2);
        assertThat(district.get("children")).extracting(c -> c.get("organisationId").asText())
                .containsExactly(city.e, city.w);
        JsonNode east = get("/api/reports/organisations/" + city.e + "?" + inCampaign);
        assertThat(east.at("/figures/pledges/fulfilled").asLong()).isOne();
        assertThat(east.get("children")).extracting(c -> c.get("organisationId").asText())
                .containsExactly(city.e1, city.e2);
        JsonNode evaluations = get("/api/reports/evaluations?" + inCampaign);
        assertThat(evaluations.at("/overall/evaluationsClosed").asLong()).isEqualTo(3);
        assertThat(get("/api/reports/assessments?" + inCampaign).at("/organisations/lagging").asLong()).isOne();

        // But no row of their own in the tree as it is now …
        assertThat(keys(get("/api/reports/coverage?" + inCampaign).get("byTownship")))
                .contains(city.d, city.e, city.w).doesNotContain(south);
        assertThat(keys(get("/api/reports/rankings?by=township&" + inCampaign).get("rows")))
                .contains(city.d, city.e, city.w, offTree).doesNotContain(south);
        assertThat(keys(get("/api/reports/rankings?by=organisation&parentId=" + city.d + "&" + inCampaign)
                .get("rows"))).containsExactlyInAnyOrder(city.e, city.w);
        assertThat(keys(get("/api/reports/rankings?by=organisation&parentId=" + city.e + "&" + inCampaign)
                .get("rows"))).containsExactlyInAnyOrder(city.e1, city.e2);
        assertThat(keys(evaluations.get("byTownship"))).containsExactly(city.e);
        assertThat(keys(evaluations.get("byOrganisation"))).containsExactly(city.e1);
        assertThat(keys(get("/api/reports/assessments?" + inCampaign).get("byTownship"))).isEmpty();
        // … and the timeline of each township it names still answers.
        assertThat(get("/api/reports/pledges/timeline?townshipId=" + south + "&" + inCampaign).at("/points/0/made")
                .asLong()).isOne();
        assertThat(get("/api/reports/pledges/timeline?townshipId=" + offTree + "&" + inCampaign).at("/points/0/made")
                .asLong()).isOne();

        // As of a date before they were deregistered, the tree as it stood then lists them.
        String before = inCampaign + "&asOf=2011-12-31";
        assertThat(keys(get("/api/reports/coverage?" + before).get("byTownship"))).contains(south);
        assertThat(keys(get("/api/reports/rankings?by=township&" + before).get("rows"))).contains(south);
        assertThat(keys(get("/api/reports/rankings?by=organisation&parentId=" + city.e + "&" + before).get("rows")))
                .containsExactlyInAnyOrder(old, city.e1, city.e2);
        assertThat(get("/api/reports/organisations/" + city.e + "?" + before).get("children"))
                .extracting(c -> c.get("organisationId").asText()).containsExactly(city.e1, city.e2, old);
        JsonNode evaluationsBefore = get("/api/reports/evaluations?" + before);
        assertThat(keys(evaluationsBefore.get("byTownship"))).containsExactlyInAnyOrder(city.e, south);
        assertThat(keys(evaluationsBefore.get("byOrganisation"))).containsExactlyInAnyOrder(old, south, city.e1);
        assertThat(keys(get("/api/reports/assessments?" + before).get("byTownship"))).containsExactly(south);
    }

    @Test
    @Order(11)
    void aBlueGreenRebuildReproducesEveryFigureAndTakesOverTheLiveProjection() {
        List<String> reports = List.of(
                "/api/reports/pledges/summary?campaignId=" + city.campaign,
                "/api/reports/pledges/summary",
                "/api/reports/pledges/timeline?period=week",
                "/api/reports/pledges/timeline?sector=RURAL_VILLAGE&campaignId=" + city.campaign,
                "/api/reports/organisations/" + city.d + "?campaignId=" + city.campaign,
                "/api/reports/organisations/" + city.d,
                "/api/reports/coverage?campaignId=" + city.campaign + "&round=2011-H1",
                "/api/reports/reviews?campaignId=" + city.campaign,
                "/api/reports/evaluations",
                "/api/reports/assessments",
                "/api/reports/rankings?by=sector",
                "/api/reports/campaigns");
        eventually(TIMEOUT, () -> assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero());
        List<JsonNode> before = reports.stream().map(this::get).toList();
        String generationBefore = get("/api/reports/generations/active").get("generation").asText();

        ResponseEntity<JsonNode> started = rest.postForEntity("/api/reports/rebuilds", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().get("rebuildId").asText();
        eventually(Duration.ofSeconds(60), () -> assertThat(get("/api/reports/rebuilds/" + id).get("state").asText())
                .isEqualTo("COMPLETED"));
        JsonNode progress = get("/api/reports/rebuilds/" + id);
        assertThat(progress.get("eventsDone").asLong()).isPositive();
        assertThat(progress.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(progress.get("previousGeneration").asText()).isEqualTo(generationBefore);
        assertThat(get("/api/reports/generations/active").get("generation").asText())
                .isEqualTo(progress.get("generation").asText()).isNotEqualTo(generationBefore);

        for (int i = 0; i < reports.size(); i++) {
            assertThat(get(reports.get(i))).as(reports.get(i)).isEqualTo(before.get(i));
        }

        // The live projection goes on in the new generation.
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            EventEnvelope late = organisationPledge(city.campaign, uniqueId("late"), Sector.RURAL_VILLAGE, city.e);
            publisher.publish(pledgeTopic, at(late, Instant.parse("2012-01-15T00:00:00Z")));
        }
        eventually(TIMEOUT, () -> assertThat(get("/api/reports/pledges/summary?campaignId=" + city.campaign)
                .get("made").asLong()).isEqualTo(7));
        assertThat(get("/api/reports/pledges/summary?campaignId=" + city.campaign + "&asOf=2011-12-31")
                .get("made").asLong()).isEqualTo(6);
    }

    @Test
    @Order(12)
    void readModelsBuiltByOlderProjectionsAreRebuiltAndTheNewOnesAreLeftAlone() {
        List<String> reports = List.of("/api/reports/pledges/summary?campaignId=" + city.campaign,
                "/api/reports/assessments?campaignId=" + city.campaign,
                "/api/reports/organisations/" + city.d + "?campaignId=" + city.campaign);
        eventually(TIMEOUT, () -> assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero());
        List<JsonNode> before = reports.stream().map(this::get).toList();
        JsonNode current = get("/api/reports/generations/active");
        assertThat(current.get("version").asInt()).isEqualTo(Generations.VERSION)
                .isEqualTo(current.get("currentVersion").asInt());
        assertThat(rebuilds.rebuildIfOutdated()).isNull();

        // As a generation written before versions were recorded: its pointer has none.
        mongo.getCollection(Generations.COLLECTION).updateOne(new Document("_id", "active"),
                new Document("$unset", new Document("version", "")));
        assertThat(get("/api/reports/generations/active").get("version").asInt()).isEqualTo(1);

        RebuildService.Progress rebuild = rebuilds.rebuildIfOutdated();
        assertThat(rebuild).isNotNull();
        eventually(Duration.ofSeconds(60), () -> assertThat(get("/api/reports/rebuilds/" + rebuild.rebuildId())
                .get("state").asText()).isEqualTo("COMPLETED"));
        JsonNode rebuilt = get("/api/reports/generations/active");
        assertThat(rebuilt.get("generation").asText()).isEqualTo(rebuild.generation())
                .isNotEqualTo(current.get("generation").asText());
        assertThat(rebuilt.get("version").asInt()).isEqualTo(Generations.VERSION);
        for (int i = 0; i < reports.size(); i++) {
            assertThat(get(reports.get(i))).as(reports.get(i)).isEqualTo(before.get(i));
        }
    }

    /** Publishes the campaign's definition and waits until the reports know it. */
    private String defineCampaign(String campaign) {
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, campaignDefined(campaign));
        }
        eventually(TIMEOUT, () -> get("/api/reports/pledges/summary?campaignId=" + campaign));
        return campaign;
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> response = rest.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A 404 problem whose detail names what was looked for. */
    private void assertNotFound(String path, String detail) {
        ResponseEntity<JsonNode> response = rest.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).as(path).isEqualTo(detail);
    }

    private static List<String> keys(JsonNode rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(row.get("key").asText()));
        return keys;
    }

    private static Map<String, Long> keyed(JsonNode rows, String field) {
        Map<String, Long> result = new java.util.HashMap<>();
        rows.forEach(row -> result.put(row.get("key").asText(), row.get(field).asLong()));
        return result;
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + rows);
    }

    /**
     * A mass evaluation of {@code organisation} closed with these answers, published by its closing event alone (which
     * carries everything the figures need).
     */
    private static EventEnvelope evaluationClosed(String campaign, String organisation, String township,
                                                  int satisfied, int basically, int dissatisfied) {
        String id = uniqueId("ev");
        return evaluationEvent("MassEvaluationClosed", "MassEvaluation", id, 0, Map.of("evaluationId", id,
                "campaignId", campaign, "subjectType", "ORGANISATION", "subjectId", organisation,
                "organisationId", organisation, "townshipId", township, "satisfied", satisfied,
                "basicallySatisfied", basically, "dissatisfied", dissatisfied,
                "total", satisfied + basically + dissatisfied));
    }

    /** A rate that is there and is null (nothing to rate): one that is missing, or 0.0, is not. */
    private static void assertNullRate(JsonNode rate) {
        assertThat(rate.isNull()).as("null, not " + (rate.isMissingNode() ? "missing" : rate)).isTrue();
    }

    /** A figure that is there and is zero: one that is missing would also read as 0 through {@code at}. */
    private static void assertZero(JsonNode figure) {
        assertThat(figure.isNumber()).as("a number, not " + figure).isTrue();
        assertThat(figure.asDouble()).isZero();
    }
}
