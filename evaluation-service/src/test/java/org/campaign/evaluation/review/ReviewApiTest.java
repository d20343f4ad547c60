package org.campaign.evaluation.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.contracts.EventEnvelope;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.evaluation.RosterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.evaluation.ApiClient.created;
import static org.campaign.evaluation.ApiClient.expect;

@EvaluationServiceTest
class ReviewApiTest {

    static final As LEADER = new As("leader-1", "district-committee");
    static final As GROUP_MEMBER = new As("inspector-7", "group-2");
    static final As EAST = new As("clerk-east", "east");
    static final As WEST = new As("clerk-west", "west");

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;

    String campaign;

    @BeforeEach
    void setUp() {
        roster.organisations("east", "v1", "v2", "v7");
        roster.organisations("west", "w1", "w3");
        campaign = roster.campaign();
        api.assign(campaign, "leader-1", "LEADER", List.of("v1"), List.of());
        api.assign(campaign, "inspector-7", "INSPECTION_GROUP", List.of(), List.of("east"));
    }

    String review(String organisation, String township, String rectification) {
        return """
                {"campaignId":"%s","round":"2011-R1","subjectType":"ORGANISATION","subjectId":"%s",
                 "organisationId":"%s","townshipId":%s,"rating":"FAIR","strengths":"承诺内容具体",
                 "problems":"群众知晓率不高","rectificationRequired":%s,"rectificationDeadline":%s}"""
                .formatted(campaign, organisation, organisation, township == null ? "null" : "\"" + township + "\"",
                        rectification == null ? "null" : "\"" + rectification + "\"",
                        rectification == null ? "null" : "\"2011-07-15\"");
    }

    String record(As as, String body) {
        return created(api.post(as, "/api/reviews", body), "reviewId");
    }

    @Test
    void aReviewGoesThroughItsRectificationAndEveryStepIsPublishedWithWhoDidIt() {
        String id = record(LEADER, review("v1", "east", "在公开栏公示承诺"));
        String rectification = "/api/reviews/" + id + "/rectification/";
        expect(204, api.post(EAST, rectification + "commitment",
                "{\"statement\":\"七月十日前在公开栏公示\",\"committedOn\":\"2011-07-01\"}"));
        expect(204, api.post(EAST, rectification + "completion",
                "{\"report\":\"已公示\",\"completedOn\":\"2011-07-09\"}"));
        expect(204, api.post(LEADER, rectification + "reopening",
                "{\"reason\":\"公示内容不全\",\"reopenedOn\":\"2011-07-10\"}"));
        expect(204, api.post(new As("clerk-v1", "v1"), rectification + "commitment",
                "{\"statement\":\"补充公示全部承诺\",\"committedOn\":\"2011-07-11\"}"));
        expect(204, api.post(EAST, rectification + "completion",
                "{\"report\":\"已全部公示\",\"completedOn\":\"2011-07-14\"}"));
        expect(204, api.post(LEADER, rectification + "acceptance",
                "{\"comment\":\"整改到位\",\"acceptedOn\":\"2011-07-15\"}"));

        JsonNode details = expect(200, api.get(LEADER, "/api/reviews/" + id)).getBody();
        assertThat(details.at("/review/rectificationStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(details.at("/review/statement").asText()).isEqualTo("补充公示全部承诺");
        assertThat(details.at("/review/townshipId").asText()).isEqualTo("east");
        assertThat(details.at("/review/reviewerId").asText()).isEqualTo("leader-1");
        assertThat(details.at("/review/version").asLong()).isEqualTo(7);
        assertThat(details.get("timeline")).extracting(entry -> entry.get("type").asText()).containsExactly(
                "ReviewRecorded", "RectificationCommitted", "RectificationCompleted", "RectificationReopened",
                "RectificationCommitted", "RectificationCompleted", "RectificationAccepted");
        assertThat(details.at("/timeline/1/actor/agencyId").asText()).isEqualTo("east");

        List<EventEnvelope> published = api.published(id, 7);
        assertThat(published).extracting(EventEnvelope::type).containsExactly("ReviewRecorded",
                "RectificationCommitted", "RectificationCompleted", "RectificationReopened", "RectificationCommitted",
                "RectificationCompleted", "RectificationAccepted");
        assertThat(published).extracting(e -> e.actor().userId()).containsExactly("leader-1", "clerk-east",
                "clerk-east", "leader-1", "clerk-v1", "clerk-east", "leader-1");
        assertThat(published.get(0).source()).isEqualTo("evaluation-service");
        assertThat(published.get(0).payload().get("rectificationDeadline").asText()).isEqualTo("2011-07-15");
        assertThat(published).extracting(EventEnvelope::sequence).doesNotContain(1L);
    }

    @Test
    void anInspectionGroupReviewsTheOrganisationsOfItsTownships() {
        String id = record(GROUP_MEMBER, review("v7", "east", null));
        assertThat(expect(200, api.get(LEADER, "/api/reviews/" + id)).getBody()
                .at("/review/rectificationStatus").asText()).isEqualTo("NOT_REQUIRED");
        assertThat(api.publishedTypes(id, 1)).containsExactly("ReviewRecorded");
    }

    @Test
    void aReviewLeavingTheTownshipOutIsPlacedWhereTheRosterHasItsSubject() {
        String id = record(GROUP_MEMBER, review("v7", null, null));
        assertThat(expect(200, api.get(LEADER, "/api/reviews/" + id)).getBody().at("/review/townshipId").asText())
                .isEqualTo("east");
    }

    @Test
    void theDistrictOfficeMayReviewWithoutAssignmentAndWithoutTownship() {
        String id = record(ApiClient.OFFICE, review("w3", null, null));
        assertThat(expect(200, api.get(LEADER, "/api/reviews/" + id)).getBody().at("/review/townshipId").asText())
                .isEqualTo("west");
    }

    @Test
    void aReviewerWhoIsNotAssignedToTheSubjectIsRefusedAndNothingIsStored() {
        long before = api.storedEvents();
        assertForbidden(api.post(LEADER, "/api/reviews", review("v2", "east", null)));
        assertForbidden(api.post(GROUP_MEMBER, "/api/reviews", review("w1", "west", null)));
        assertForbidden(api.post(GROUP_MEMBER, "/api/reviews", review("w1", "east", null)));
        assertForbidden(api.post(new As("leader-1", "district-committee"), "/api/reviews",
                review("v1", "east", null).replace(campaign, ApiClient.newCampaign())));
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> response = api.post(LEADER, "/api/reviews", review("v1", "east", "在公开栏公示承诺")
                .replace("\"rectificationDeadline\":\"2011-07-15\"", "\"rectificationDeadline\":null")
                .replace("\"rating\":\"FAIR\"", "\"rating\":null")
                .replace("\"organisationId\":\"v1\"", "\"organisationId\":\"v9\""));
        expect(400, response);
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("rating", "rectificationDeadline", "organisationId");
        expect(400, api.post(LEADER, "/api/reviews/" + record(LEADER, review("v1", null, "公示"))
                + "/rectification/commitment", "{\"statement\":\" \"}"));
        // only the review: ReviewRecorded and the township the roster places it in
        assertThat(api.storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void stepsInTheWrongStateAreRefusedWithTheReasonAndNothingIsStored() {
        String id = record(LEADER, review("v1", "east", "在公开栏公示承诺"));
        String plain = record(LEADER, review("v1", "east", null));
        long before = api.storedEvents();

        ResponseEntity<JsonNode> early = api.post(EAST, "/api/reviews/" + id + "/rectification/completion",
                "{\"report\":\"已公示\",\"completedOn\":\"2011-07-09\"}");
        expect(409, early);
        assertThat(early.getBody().get("detail").asText()).contains("awaiting the subject's rectification statement");
        ResponseEntity<JsonNode> nothingRequired = api.post(EAST, "/api/reviews/" + plain
                + "/rectification/commitment", "{\"statement\":\"s\",\"committedOn\":\"2011-07-01\"}");
        expect(409, nothingRequired);
        assertThat(nothingRequired.getBody().get("detail").asText()).contains("required no rectification");
        assertThat(api.storedEvents()).isEqualTo(before);

        expect(204, api.post(EAST, "/api/reviews/" + id + "/rectification/commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-07-01\"}"));
        expect(204, api.post(EAST, "/api/reviews/" + id + "/rectification/completion",
                "{\"report\":\"r\",\"completedOn\":\"2011-07-02\"}"));
        expect(204, api.post(LEADER, "/api/reviews/" + id + "/rectification/acceptance",
                "{\"acceptedOn\":\"2011-07-03\"}"));
        long accepted = api.storedEvents();
        ResponseEntity<JsonNode> twice = api.post(LEADER, "/api/reviews/" + id + "/rectification/acceptance",
                "{\"acceptedOn\":\"2011-07-04\"}");
        expect(409, twice);
        assertThat(twice.getBody().get("detail").asText()).contains("already accepted");
        assertThat(api.storedEvents()).isEqualTo(accepted);
    }

    @Test
    void afterAReopeningNoStepIsDatedBeforeItAndNoneInTheFuture() {
        String id = record(LEADER, review("v1", "east", "在公开栏公示承诺"));
        String rectification = "/api/reviews/" + id + "/rectification/";
        expect(204, api.post(EAST, rectification + "commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-10-01\"}"));
        expect(204, api.post(EAST, rectification + "completion", "{\"report\":\"r\",\"completedOn\":\"2011-10-05\"}"));
        expect(204, api.post(LEADER, rectification + "reopening", "{\"reason\":\"r\",\"reopenedOn\":\"2011-10-06\"}"));
        long reopened = api.storedEvents();
        assertThat(api.refusal(400, EAST, rectification + "commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-10-02\"}"))
                .isEqualTo("committedOn: 2011-10-02 is before the rectification was reopened (2011-10-06)");
        String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        assertThat(api.refusal(400, EAST, rectification + "commitment",
                "{\"statement\":\"s\",\"committedOn\":\"" + future + "\"}")).isEqualTo("Invalid fields: committedOn");
        assertThat(api.storedEvents()).isEqualTo(reopened);

        expect(204, api.post(EAST, rectification + "commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-10-06\"}"));
        long committed = api.storedEvents();
        assertThat(api.refusal(400, EAST, rectification + "completion",
                "{\"report\":\"r\",\"completedOn\":\"2011-10-03\"}"))
                .isEqualTo("completedOn: 2011-10-03 is before the rectification was committed to (2011-10-06)");
        expect(400, api.post(EAST, rectification + "completion",
                "{\"report\":\"r\",\"completedOn\":\"" + future + "\"}"));
        assertThat(api.storedEvents()).isEqualTo(committed);

        expect(204, api.post(EAST, rectification + "completion", "{\"report\":\"r\",\"completedOn\":\"2011-10-07\"}"));
        long completed = api.storedEvents();
        assertThat(api.refusal(400, LEADER, rectification + "acceptance",
                "{\"acceptedOn\":\"2011-10-04\"}"))
                .isEqualTo("acceptedOn: 2011-10-04 is before the rectification was reported completed (2011-10-07)");
        assertThat(api.refusal(400, LEADER, rectification + "acceptance",
                "{\"acceptedOn\":\"" + future + "\"}")).isEqualTo("Invalid fields: acceptedOn");
        assertThat(api.refusal(400, LEADER, rectification + "reopening",
                "{\"reason\":\"r\",\"reopenedOn\":\"" + future + "\"}")).isEqualTo("Invalid fields: reopenedOn");
        assertThat(api.storedEvents()).isEqualTo(completed);
        expect(204, api.post(LEADER, rectification + "acceptance", "{\"acceptedOn\":\"2011-10-08\"}"));
    }

    @Test
    void onlyTheSubjectsSideAnswersAndOnlyTheReviewersSideChecks() {
        String id = record(LEADER, review("v1", "east", "在公开栏公示承诺"));
        long before = api.storedEvents();
        assertForbidden(api.post(WEST, "/api/reviews/" + id + "/rectification/commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-07-01\"}"));
        assertThat(api.storedEvents()).isEqualTo(before);

        expect(204, api.post(EAST, "/api/reviews/" + id + "/rectification/commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-07-01\"}"));
        expect(204, api.post(EAST, "/api/reviews/" + id + "/rectification/completion",
                "{\"report\":\"r\",\"completedOn\":\"2011-07-02\"}"));
        long completed = api.storedEvents();
        assertForbidden(api.post(EAST, "/api/reviews/" + id + "/rectification/acceptance",
                "{\"acceptedOn\":\"2011-07-03\"}"));
        assertForbidden(api.post(new As("leader-9", "district-committee"),
                "/api/reviews/" + id + "/rectification/reopening", "{\"reason\":\"r\",\"reopenedOn\":\"2011-07-03\"}"));
        assertThat(api.storedEvents()).isEqualTo(completed);
        expect(204, api.post(GROUP_MEMBER, "/api/reviews/" + id + "/rectification/acceptance",
                "{\"acceptedOn\":\"2011-07-03\"}"));
    }

    @Test
    void anUnknownReviewIsNotFound() {
        expect(404, api.get(LEADER, "/api/reviews/no-such-review"));
        expect(404, api.post(EAST, "/api/reviews/no-such-review/rectification/commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-07-01\"}"));
    }

    private static void assertForbidden(ResponseEntity<JsonNode> response) {
        expect(403, response);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Not permitted");
    }
}
