package org.campaign.pledging.pledge;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.ApiClient.District;
import org.campaign.pledging.PledgeServiceTest;
import org.campaign.pledging.TestClock;
import org.campaign.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;
import static org.campaign.testsupport.Eventually.eventually;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@PledgeServiceTest
class PledgeApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    TestClock clock;
    @Autowired
    PledgeLapses lapses;
    @Autowired
    PledgePaths paths;
    @Autowired
    MongoTemplate mongo;
    @Value("${campaign.events.topic}")
    String topic;

    District district;

    @BeforeEach
    void setUp() {
        clock.setToday(LocalDate.of(2011, 7, 1));
        district = api.district();
    }

    @Test
    void aPledgeGoesThroughItsWholeLifecycleAndEveryStepReachesKafka() {
        String agency = district.township();
        String id = api.pledge(agency, district.campaign(), "ORGANISATION", district.village(), "2011-12-31");
        expect(204, api.post(agency, "/api/pledges/" + id + "/send-back", "{\"reasons\":[\"目标不够具体\"]}"));
        expect(204, api.post(agency, "/api/pledges/" + id + "/revision", """
                {"kind":"PRACTICAL_DEED","focus":"PUBLIC_WISHES","title":"硬化村道3公里",
                 "target":{"quantity":3,"unit":"公里"},"deadline":"2011-11-30"}"""));
        expect(204, api.post(agency, "/api/pledges/" + id + "/approval", "{\"approvedOn\":\"2011-07-05\"}"));
        expect(204, api.post(agency, "/api/pledges/" + id + "/publication",
                "{\"channel\":\"NOTICE_BOARD\",\"publishedOn\":\"2011-07-06\"}"));
        expect(204, api.post(agency, "/api/pledges/" + id + "/progress",
                "{\"achievedQuantity\":1.5,\"note\":\"已完成一半\",\"reportedOn\":\"2011-09-01\"}"));
        expect(204, api.post(agency, "/api/pledges/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2011-10-20\",\"evidence\":\"验收照片\"}"));

        ResponseEntity<JsonNode> details = expect(200, api.get(agency, "/api/pledges/" + id));
        JsonNode pledge = details.getBody().get("pledge");
        assertThat(pledge.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(pledge.get("title").asText()).isEqualTo("硬化村道3公里");
        assertThat(pledge.get("achievedQuantity").asDouble()).isEqualTo(1.5);
        assertThat(pledge.get("sector").asText()).isEqualTo("RURAL_VILLAGE");
        assertThat(details.getHeaders().getETag()).isEqualTo("\"6\"");
        assertThat(details.getBody().get("timeline")).extracting(entry -> entry.get("type").asText()).containsExactly("PledgeMade",
                "PledgeSentBack", "PledgeRevised", "PledgeApproved", "PledgePublished", "PledgeProgressReported",
                "PledgeFulfilled");
        assertThat(details.getBody().at("/timeline/3/actor/agencyId").asText()).isEqualTo(agency);

        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(reader.envelopes())
                    .filteredOn(e -> e.aggregateId().equals(id))
                    .extracting(e -> e.sequence() + " " + e.type())
                    .containsExactly("0 PledgeMade", "1 PledgeSentBack", "2 PledgeRevised", "3 PledgeApproved",
                            "4 PledgePublished", "5 PledgeProgressReported", "6 PledgeFulfilled"));
        }
    }

    @Test
    void fulfillingAPledgeThatWasNeverApprovedIsRefusedWithTheReasonAndStoresNothing() {
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        long before = api.storedEvents();
        ResponseEntity<JsonNode> refused = api.post(district.township(), "/api/pledges/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2011-10-20\",\"evidence\":\"照片\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText())
                .contains("awaiting the superior's review", "cannot fulfil it before the superior has approved it");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void reportingProgressOnAWithdrawnPledgeIsRefused() {
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/withdrawal", "{\"reason\":\"合并\"}"));
        long before = api.storedEvents();
        ResponseEntity<JsonNode> refused = api.post(district.township(), "/api/pledges/" + id + "/progress",
                "{\"achievedQuantity\":1,\"reportedOn\":\"2011-09-01\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("withdrawn");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsStored() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> response = api.post(district.township(), "/api/pledges", """
                {"campaignId":"","pledger":{"type":"MEMBER"},"kind":"WORK",
                 "target":{"quantity":-1,"unit":"km"},"deadline":"2011-12-31"}""");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().has("errors")).as(response.getBody().toString()).isTrue();
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "campaignId", "pledger.id", "focus", "title", "target.quantity");
        ResponseEntity<JsonNode> badEnum = api.post(district.township(), "/api/pledges", """
                {"campaignId":"c","pledger":{"type":"ORGANISATION","id":"x"},"kind":"PROMISE",
                 "focus":"CENTRAL_WORK","title":"t","deadline":"2011-12-31"}""");
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEnum.getBody().get("detail").asText()).contains("kind", "PRACTICAL_DEED");
        ResponseEntity<JsonNode> noCampaign = api.post(district.township(), "/api/pledges", """
                {"campaignId":"nope","pledger":{"type":"ORGANISATION","id":"%s"},"kind":"WORK",
                 "focus":"CENTRAL_WORK","title":"t","deadline":"2011-12-31"}""".formatted(district.village()));
        assertThat(noCampaign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCampaign.getBody().get("detail").asText()).contains("campaignId");
        assertThat(api.storedEvents()).isEqualTo(before);

        // An unknown pledger makes the request invalid, naming the field.
        ResponseEntity<JsonNode> unknown = api.post(district.township(), "/api/pledges", """
                {"campaignId":"%s","pledger":{"type":"ORGANISATION","id":"nope-org"},"kind":"WORK",
                 "focus":"CENTRAL_WORK","title":"t","deadline":"2011-12-31"}""".formatted(district.campaign()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("detail").asText())
                .isEqualTo("pledger.id: there is no organisation nope-org");
        ResponseEntity<JsonNode> nobody = api.post(district.township(), "/api/pledges", """
                {"campaignId":"%s","pledger":{"type":"MEMBER","id":"nobody"},"kind":"WORK",
                 "focus":"CENTRAL_WORK","title":"t","deadline":"2011-12-31"}""".formatted(district.campaign()));
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nobody.getBody().get("detail").asText()).isEqualTo("pledger.id: there is no member nobody");

        // A query parameter of the wrong type is named, with what it should be; an unknown path is no endpoint.
        ResponseEntity<JsonNode> badStatus = api.get(district.township(), "/api/pledges?status=DONE");
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().get("detail").asText()).isEqualTo("Invalid parameters: status");
        assertThat(badStatus.getBody().at("/errors/0/message").asText())
                .isEqualTo("'DONE' is not one of MADE, SENT_BACK, REVISED, APPROVED, PUBLISHED, FULFILLED, LAPSED, "
                        + "WITHDRAWN");
        ResponseEntity<JsonNode> noEndpoint = api.post(district.township(), "/api/pledges/p-1/explode", "{}");
        assertThat(noEndpoint.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noEndpoint.getBody().get("detail").asText()).isEqualTo("No endpoint POST /api/pledges/p-1/explode");
    }

    @Test
    void pledgesLeftWhereTheirOrganisationWasBeforeAMoveFollowItAtStartUp() {
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        List<String> path = new ArrayList<>();
        expect(200, api.get(district.township(), "/api/pledges/" + id)).getBody().at("/pledge/path")
                .forEach(part -> path.add(part.asText()));
        // As a move before pledges followed their organisations left it: under another township.
        mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("path",
                List.of(district.otherTownship(), district.village())), PledgeEntry.class);
        assertThat(api.get(district.township(), "/api/pledges/" + id).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(paths.alignWithRoster()).isGreaterThanOrEqualTo(1);
        JsonNode aligned = expect(200, api.get(district.township(), "/api/pledges/" + id)).getBody();
        assertThat(aligned.at("/pledge/path")).extracting(JsonNode::asText).containsExactlyElementsOf(path);
        assertThat(paths.alignWithRoster()).as("nothing more to align").isZero();
    }

    @Test
    void aStepDatedBeforeTheApprovalIsRefusedNamingTheDate() {
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));
        long before = api.storedEvents();
        ResponseEntity<JsonNode> early = api.post(district.township(), "/api/pledges/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2011-06-01\",\"evidence\":\"照片\"}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(early.getBody().get("detail").asText())
                .isEqualTo("fulfilledOn: 2011-06-01 is before the pledge was approved (2011-07-05)");
        // Nor before the campaign began: 1900 is no date a clerk means.
        ResponseEntity<JsonNode> ancient = api.post(district.township(), "/api/pledges/" + id + "/publication",
                "{\"channel\":\"NOTICE_BOARD\",\"publishedOn\":\"1900-01-01\"}");
        assertThat(ancient.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ancient.getBody().get("detail").asText()).isEqualTo("publishedOn: 1900-01-01 is before campaign "
                + district.campaign() + " began (2010-06-01)");
        // A step is recorded once taken: tomorrow, in the district's time zone, is too early.
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        ResponseEntity<JsonNode> ahead = api.post(district.township(), "/api/pledges/" + id + "/publication",
                "{\"channel\":\"NOTICE_BOARD\",\"publishedOn\":\"" + tomorrow + "\"}");
        assertThat(ahead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ahead.getBody().at("/errors/0/field").asText()).isEqualTo("publishedOn");
        assertThat(ahead.getBody().at("/errors/0/message").asText()).contains("past or in the present");
        assertThat(api.storedEvents()).isEqualTo(before);
        // If-Match: * matches whatever version the pledge is at.
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/publication",
                "{\"channel\":\"NOTICE_BOARD\",\"publishedOn\":\"2011-07-06\"}", "*"));
    }

    @Test
    void anotherAgencyCanNeitherPledgeForNorTouchNorSeeThisAgencysPledges() {
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        long before = api.storedEvents();
        String intruder = district.otherTownship();
        ResponseEntity<JsonNode> make = api.post(intruder, "/api/pledges", """
                {"campaignId":"%s","pledger":{"type":"ORGANISATION","id":"%s"},"kind":"WORK",
                 "focus":"CENTRAL_WORK","title":"t","deadline":"2011-12-31"}"""
                .formatted(district.campaign(), district.village()));
        assertThat(make.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> approve = api.post(intruder, "/api/pledges/" + id + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}");
        assertThat(approve.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(approve.getBody().get("detail").asText()).contains(intruder, "another agency");
        assertThat(api.get(intruder, "/api/pledges/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get(intruder, "/api/pledges?campaignId=" + district.campaign()).getBody()
                .get("total").asLong()).isZero();
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void ofTwoPeopleChangingTheSamePledgeAtOnceOneSucceedsAndTheOtherIsToldToReload() throws Exception {
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));
        String version = api.get(district.township(), "/api/pledges/" + id).getHeaders().getETag()
                .replace("\"", "");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String quantity : List.of("1", "2")) {
            Callable<Integer> report = () -> {
                start.await();
                return api.post(district.township(), "/api/pledges/" + id + "/progress",
                        "{\"achievedQuantity\":" + quantity + ",\"reportedOn\":\"2011-09-01\"}", version)
                        .getStatusCode().value();
            };
            results.add(pool.submit(report));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        assertThat(api.get(district.township(), "/api/pledges/" + id).getBody().get("timeline")).hasSize(3);
    }

    @Test
    void aPledgeWhoseDeadlinePassedUnfulfilledLapsesInTheLapseRun() {
        String open = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-09-30");
        String done = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-09-30");
        expect(204, api.post(district.township(), "/api/pledges/" + done + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));
        expect(204, api.post(district.township(), "/api/pledges/" + done + "/fulfilment",
                "{\"fulfilledOn\":\"2011-09-20\",\"evidence\":\"照片\"}"));

        clock.setToday(LocalDate.of(2011, 9, 30));
        lapses.lapseOverdue();
        assertThat(status(open)).isEqualTo("MADE");

        clock.setToday(LocalDate.of(2011, 10, 1));
        lapses.lapseOverdue();
        assertThat(status(open)).isEqualTo("LAPSED");
        assertThat(status(done)).isEqualTo("FULFILLED");
        JsonNode overdue = api.get(district.township(), "/api/pledges?overdue=true&campaignId="
                + district.campaign()).getBody();
        assertThat(overdue.get("items").findValuesAsText("id")).containsExactly(open);
        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(reader.envelopes())
                    .filteredOn(e -> e.aggregateId().equals(open) && e.type().equals("PledgeLapsed"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.actor().userId()).isEqualTo("pledge-service")));
        }
    }

    @Test
    void anAgencyListsItsPledgesFilteredAndPaged() {
        for (int i = 0; i < 3; i++) {
            api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(), "2011-12-31");
        }
        String other = api.pledge(district.township(), district.campaign(), "ORGANISATION",
                district.otherVillage(), "2011-12-31");
        expect(204, api.post(district.township(), "/api/pledges/" + other + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));

        JsonNode page = api.get(district.township(), "/api/pledges?campaignId=" + district.campaign()
                + "&size=2&page=1").getBody();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items")).hasSize(2);
        JsonNode approved = api.get(district.township(), "/api/pledges?status=APPROVED&campaignId="
                + district.campaign()).getBody();
        assertThat(approved.get("items").findValuesAsText("id")).containsExactly(other);
        JsonNode ofVillage = api.get(district.township(), "/api/pledges?organisationId="
                + district.otherVillage()).getBody();
        assertThat(ofVillage.get("total").asLong()).isEqualTo(1);
        assertThat(api.get(district.township(), "/api/pledges?campaignId=" + district.campaign() + "&organisationId=")
                .getBody().get("total").asLong()).as("a blank filter filters nothing").isEqualTo(4);
        assertThat(api.get(ApiClient.DISTRICT, "/api/pledges?campaignId=" + district.campaign()).getBody()
                .get("total").asLong()).isEqualTo(4);
    }

    private String status(String pledgeId) {
        return api.get(district.township(), "/api/pledges/" + pledgeId).getBody().at("/pledge/status").asText();
    }
}
