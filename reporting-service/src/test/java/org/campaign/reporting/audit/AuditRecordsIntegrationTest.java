package org.campaign.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.pledge.Target;
import org.campaign.reporting.TestCity;
import org.campaign.reporting.TestPublisher;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.JSON;
import static org.campaign.reporting.TestEvents.uniqueId;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * The search of records against {@link TestCity} published twice over the real topics (every event is delivered
 * twice), plus one pledge of an agency of its own: by id prefix, label, mentioned organisation, type, agency, user
 * and dates, paged; redelivered events counted once; the same summaries after a blue-green rebuild (the log is not
 * part of a generation), and events that arrive during it, and again after it, logged once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditRecordsIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Aggregates whose id starts with the city's prefix (6 organisations, 6 members, 6 pledges, 3 reviews, 2 mass
     * evaluations, 3 assessments) and the ledger entry, whose label names its organisation. */
    static final int CITY_RECORDS = 27;

    @Autowired
    TestRestTemplate rest;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${campaign.topics.pledge-events}")
    String pledgeTopic;
    @Value("${campaign.topics.evaluation-events}")
    String evaluationTopic;

    final TestCity city = new TestCity();
    final String prefix = city.p3.substring(0, city.p3.length() - "-p3".length());
    final String agency = uniqueId("agency");
    final String clerk = uniqueId("clerk");
    final String words = "lychee orchard " + UUID.randomUUID().toString().substring(0, 6);
    final String orchard = uniqueId("orchard");

    @BeforeAll
    void publishTheCityTwiceAndAnOrchard() {
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            for (int copy = 0; copy < 2; copy++) {
                city.pledgeTopic.forEach(event -> publisher.publish(pledgeTopic, event));
                city.evaluationTopic.forEach(event -> publisher.publish(evaluationTopic, event));
            }
            Pledger pledger = new Pledger(PledgerType.ORGANISATION, city.e2, null, city.e2, Sector.RURAL_VILLAGE,
                    city.e);
            PledgeMade made = new PledgeMade(orchard, city.campaign, pledger, PledgeKind.PRACTICAL_DEED,
                    PledgeFocus.PUBLIC_WISHES, "Plant a " + words.toUpperCase(), new Target(new BigDecimal("20"), "mu"),
                    LocalDate.of(2012, 12, 31), false);
            publisher.publish(pledgeTopic, new EventEnvelope(UUID.randomUUID().toString(), "PledgeMade", "2",
                    "pledge-service", "Pledge", orchard, 0, Instant.parse("2012-03-01T01:00:00Z"),
                    new Actor(clerk, agency), UUID.randomUUID().toString(), JSON.valueToTree(made)));
        }
        eventually(TIMEOUT, () -> {
            assertThat(search("q=" + prefix + "&size=100").get("total").asInt()).isEqualTo(CITY_RECORDS);
            assertThat(search("agencyId=" + agency).get("total").asInt()).isEqualTo(1);
            assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero();
        });
    }

    @Test
    @Order(1)
    void byIdPrefixWholeIdAndCase() {
        JsonNode all = search("q=" + prefix + "&size=100");
        assertThat(all.get("items")).hasSize(CITY_RECORDS);
        List<String> times = new ArrayList<>();
        all.get("items").forEach(item -> times.add(item.get("lastEventAt").asText()));
        assertThat(times.get(0)).isEqualTo("2011-11-01T02:00:00Z");
        assertThat(times.subList(1, times.size())).containsOnly("2011-06-01T08:00:00Z");
        assertThat(all.at("/items/0/aggregateId").asText()).isEqualTo(city.p5);
        assertThat(search("q=" + prefix.toUpperCase() + "&size=1").get("total").asInt()).isEqualTo(CITY_RECORDS);

        JsonNode p3 = search("q=" + city.p3);
        assertThat(p3.get("total").asInt()).isEqualTo(1);
        JsonNode record = p3.at("/items/0");
        assertThat(record.get("aggregateId").asText()).isEqualTo(city.p3);
        assertThat(record.get("aggregateType").asText()).isEqualTo("Pledge");
        assertThat(record.get("source").asText()).isEqualTo("pledge-service");
        // Every event was delivered twice, and is counted once.
        assertThat(record.get("events").asInt()).isEqualTo(5);
        assertThat(record.get("firstEventAt").asText()).isEqualTo("2011-06-01T08:00:00Z");
        assertThat(record.get("lastEventType").asText()).isEqualTo("PledgeLapsed");
        assertThat(record.get("label").asText()).isEqualTo("Rebuild 3 km of village road");
        assertThat(record.get("agencies")).extracting(JsonNode::asText).containsExactly("agency-T01");
        assertThat(record.get("users")).extracting(JsonNode::asText).containsExactly("clerk-1");
    }

    @Test
    @Order(2)
    void byLabelAndByAMentionedOrganisation() {
        JsonNode orchards = search("q=" + words.replace(' ', '+'));
        assertThat(orchards.get("items")).extracting(i -> i.get("aggregateId").asText()).containsExactly(orchard);
        assertThat(orchards.at("/items/0/label").asText()).isEqualTo("Plant a " + words.toUpperCase());

        JsonNode revised = search("q=3+KM+OF+VILLAGE&type=Pledge&size=100");
        assertThat(revised.get("items")).extracting(i -> i.get("aggregateId").asText()).contains(city.p3);
        assertThat(revised.get("items")).allSatisfy(i ->
                assertThat(i.get("label").asText()).containsIgnoringCase("3 km of village"));

        // W1 itself, its three members, the pledges made there (p5, and p6 of its member), its review, mass
        // evaluation, assessment and ledger entry.
        JsonNode garden = search("q=" + city.w1.toUpperCase() + "&size=100");
        assertThat(garden.get("items")).extracting(i -> i.get("aggregateId").asText()).containsExactlyInAnyOrder(
                city.w1, prefix + "-m4", prefix + "-m5", prefix + "-m6", city.p5, prefix + "-p6", prefix + "-r2",
                prefix + "-ev2", prefix + "-a2", city.campaign + ":2011:" + city.w1);
        JsonNode review = find(garden, prefix + "-r2");
        assertThat(review.get("label").asText()).isEqualTo("ORGANISATION " + city.w1 + " · 2011-H1");
        assertThat(find(garden, city.w1).get("label").asText()).isEqualTo("花园社区党支部");
        assertThat(find(garden, prefix + "-m6").get("lastEventType").asText()).isEqualTo("MemberLeft");
    }

    @Test
    @Order(3)
    void byTypeAgencyAndUser() {
        assertThat(ids(search("q=" + prefix + "&type=Review"))).containsExactlyInAnyOrder(
                prefix + "-r1", prefix + "-r2", prefix + "-r3");
        assertThat(search("q=" + prefix + "&type=Organisation").get("total").asInt()).isEqualTo(6);
        assertThat(search("q=" + prefix + "&type=MassEvaluation").get("total").asInt()).isEqualTo(2);
        assertThat(search("q=" + prefix + "&type=LaggingUnit").at("/items/0/events").asInt()).isEqualTo(5);

        assertThat(ids(search("q=" + prefix + "&agencyId=district&size=100"))).containsExactlyInAnyOrder(
                prefix + "-r1", prefix + "-ev1", prefix + "-ev2", prefix + "-a1", prefix + "-a2", prefix + "-a3",
                city.campaign + ":2011:" + city.w1);
        JsonNode r1 = search("q=" + prefix + "-r1").at("/items/0");
        assertThat(r1.get("agencies")).extracting(JsonNode::asText).containsExactly("agency-T01", "district");
        assertThat(r1.get("users")).extracting(JsonNode::asText).containsExactly("clerk-1", "inspector-1");

        assertThat(ids(search("agencyId=" + agency))).containsExactly(orchard);
        assertThat(ids(search("userId=" + clerk + "&type=Pledge"))).containsExactly(orchard);
        assertThat(search("userId=" + clerk + "&type=Review").get("total").asInt()).isZero();
    }

    @Test
    @Order(4)
    void byDatesAndInstants() {
        // Dates are days in the reporting time zone (Asia/Shanghai): 1 June 2011 08:00 UTC is that afternoon.
        assertThat(ids(search("q=" + prefix + "&from=2011-10-01&to=2011-12-31"))).containsExactly(city.p5);
        assertThat(ids(search("q=" + prefix + "&from=2011-11-01T02:00:00Z"))).containsExactly(city.p5);
        assertThat(search("q=" + prefix + "&from=2011-11-01T02:00:00.001Z").get("total").asInt()).isZero();
        assertThat(search("q=" + prefix + "&to=2011-05-31").get("total").asInt()).isZero();
        assertThat(search("q=" + prefix + "&from=2011-06-01&to=2011-06-01").get("total").asInt())
                .isEqualTo(CITY_RECORDS);
        assertThat(ids(search("userId=" + clerk + "&from=2012-03-01&to=2012-03-01"))).containsExactly(orchard);
        assertThat(search("userId=" + clerk + "&to=2012-02-29").get("total").asInt()).isZero();
    }

    @Test
    @Order(5)
    void paged() {
        List<String> all = ids(search("q=" + prefix + "&size=100"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode result = search("q=" + prefix + "&size=10&page=" + page);
            assertThat(result.get("page").asInt()).isEqualTo(page);
            assertThat(result.get("size").asInt()).isEqualTo(10);
            assertThat(result.get("total").asInt()).isEqualTo(CITY_RECORDS);
            paged.addAll(ids(result));
        }
        assertThat(paged).hasSize(CITY_RECORDS).doesNotHaveDuplicates().isEqualTo(all);
        assertThat(search("q=" + prefix + "&size=10&page=3").get("items")).isEmpty();
    }

    @Test
    @Order(6)
    void badParametersAreRefused() {
        for (String bad : List.of("from=yesterday", "to=2011-13-01", "from=2011-07-01&to=2011-06-01", "size=0",
                "size=101", "page=-1", "type=Pledge1", "type=Widget", "agencyId=a+b", "page=x")) {
            ResponseEntity<JsonNode> response = rest.getForEntity("/api/audit/records?" + bad, JsonNode.class);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).as(bad)
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(rest.getForEntity("/api/audit/records?from=yesterday", JsonNode.class).getBody().get("detail")
                .asText()).startsWith("from: ");
    }

    @Test
    @Order(7)
    void redeliveredEventsAreCountedOnce() {
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            city.pledgeTopic.stream().filter(e -> e.aggregateId().equals(city.p3))
                    .forEach(event -> publisher.publish(pledgeTopic, event));
            // One new event after the redelivered ones, on the same partition (same key): once it is in the
            // summary, so are they.
            publisher.publish(pledgeTopic, new EventEnvelope(UUID.randomUUID().toString(), "PledgeNoted", "1",
                    "pledge-service", "Pledge", city.p3, 5, Instant.parse("2012-01-05T00:00:00Z"),
                    new Actor(clerk, agency), UUID.randomUUID().toString(),
                    JSON.createObjectNode().put("pledgeId", city.p3)));
        }
        eventually(TIMEOUT, () -> assertThat(search("q=" + city.p3).at("/items/0/lastEventType").asText())
                .isEqualTo("PledgeNoted"));
        JsonNode p3 = search("q=" + city.p3).at("/items/0");
        assertThat(p3.get("events").asInt()).isEqualTo(6);
        assertThat(p3.get("lastEventAt").asText()).isEqualTo("2012-01-05T00:00:00Z");
        assertThat(p3.get("agencies")).extracting(JsonNode::asText).containsExactlyInAnyOrder("agency-T01", agency);
        assertThat(get("/api/audit/history/" + city.p3).get("events").asInt()).isEqualTo(6);
    }

    @Test
    @Order(8)
    void aBlueGreenRebuildKeepsTheSameSummariesAndLogsWhatArrivesMeanwhile() {
        eventually(TIMEOUT, () -> assertThat(get("/api/reports/lag").get("totalLag").asLong()).isZero());
        List<String> searches = List.of("q=" + prefix + "&size=100", "agencyId=" + agency, "q=" + city.w1,
                "q=" + prefix + "&type=Pledge&from=2011-10-01");
        List<JsonNode> before = searches.stream().map(this::search).toList();

        ResponseEntity<JsonNode> started = rest.postForEntity("/api/reports/rebuilds", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().get("rebuildId").asText();
        // Events that arrive while the rebuild runs are logged once, whichever consumer applies them: the live
        // projection before it is stopped, or the rebuild while it catches up at the switch-over.
        String during = uniqueId("during");
        List<EventEnvelope> meanwhile = new ArrayList<>();
        for (int sequence = 0; sequence < 4; sequence++) {
            meanwhile.add(new EventEnvelope(UUID.randomUUID().toString(), "PledgeNoted", "1", "pledge-service",
                    "Pledge", during, sequence, Instant.parse("2012-02-01T00:00:00Z"),
                    new Actor(clerk, uniqueId("agency")), UUID.randomUUID().toString(),
                    JSON.createObjectNode().put("pledgeId", during)));
        }
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            meanwhile.subList(0, 3).forEach(event -> publisher.publish(pledgeTopic, event));
        }
        eventually(Duration.ofSeconds(60), () -> assertThat(get("/api/reports/rebuilds/" + id).get("state").asText())
                .isEqualTo("COMPLETED"));
        eventually(TIMEOUT, () -> assertThat(search("q=" + during).at("/items/0/events").asInt()).isEqualTo(3));
        assertThat(get("/api/audit/history/" + during).get("events").asInt()).isEqualTo(3);

        // The log is kept apart from the generations: the rebuild changed none of the summaries.
        for (int i = 0; i < searches.size(); i++) {
            assertThat(search(searches.get(i))).as(searches.get(i)).isEqualTo(before.get(i));
        }

        // After the switch-over the live projection logs on from where the rebuild stopped: the three events
        // delivered again are logged once, and a fourth after them (same key, same partition) once it has arrived.
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            meanwhile.forEach(event -> publisher.publish(pledgeTopic, event));
        }
        eventually(TIMEOUT, () -> assertThat(search("q=" + during).at("/items/0/events").asInt()).isEqualTo(4));
        JsonNode history = get("/api/audit/history/" + during);
        assertThat(history.get("events").asInt()).isEqualTo(4);
        assertThat(history.findValuesAsText("eventId")).containsExactlyElementsOf(
                meanwhile.stream().map(EventEnvelope::eventId).toList());
    }

    private JsonNode search(String query) {
        return get("/api/audit/records?" + query);
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> response = rest.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("aggregateId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode page, String aggregateId) {
        for (JsonNode item : page.get("items")) {
            if (aggregateId.equals(item.get("aggregateId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + aggregateId + " in " + page);
    }
}
