package org.campaign.evaluation.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.evaluation.RosterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.evaluation.ApiClient.created;
import static org.campaign.evaluation.ApiClient.expect;

/**
 * Finding reviews: each caller lists and reads only the reviews its role lets it see — agency staff those of its
 * subtree, reviewers those they recorded or are assigned to, inspection groups and the district office all —
 * filtered and paged, newest first.
 */
@EvaluationServiceTest
class ReviewListApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;

    String campaign;
    String east;
    String west;
    String subAgency;
    String v1;
    String v2;
    String leaf;
    String w1;
    As leader;
    As otherLeader;
    /** In recording order: v1 by the leader, leaf by the leader, v2 by the district office, w1 by the office. */
    List<String> reviews;

    @BeforeEach
    void setUp() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        east = "east-" + run;
        west = "west-" + run;
        subAgency = "sub-" + run;
        v1 = east + "-v1";
        v2 = east + "-v2";
        leaf = subAgency + "-leaf";
        w1 = west + "-w1";
        roster.organisations(east, v1, v2);
        roster.organisations(west, w1);
        // a branch of east's subtree that lies below a sub-agency of its own
        roster.publish(RosterFixture.registered(leaf, east, List.of(east, subAgency, leaf)), "Organisation", leaf, 0);
        roster.awaitPlaced(SubjectType.ORGANISATION, leaf, leaf, east);

        campaign = roster.campaign();
        leader = new As("leader-" + run, "district-committee").withRoles("REVIEWER");
        otherLeader = new As("leader-other-" + run, "district-committee").withRoles("REVIEWER");
        api.assign(campaign, leader.user(), "LEADER", List.of(v1, leaf), List.of());
        api.assign(campaign, otherLeader.user(), "LEADER", List.of(v2), List.of());

        reviews = List.of(
                record(leader, v1, "2011-R1", "在公开栏公示承诺"),
                record(leader, leaf, "2011-R1", "完善党员联系户制度"),
                record(ApiClient.OFFICE, v2, "2011-R1", null),
                record(ApiClient.OFFICE, w1, "2011-R2", "整改村务公开"));
    }

    /** When the last review was recorded, by the clock this JVM shares with the service under test. */
    long lastRecordedAt;

    /**
     * Records a review in a later millisecond than the one before: the write side stamps events to the millisecond,
     * and lists order reviews of the same millisecond by id, so that "newest first" would not always be the
     * recording order.
     */
    String record(As as, String organisation, String round, String rectification) {
        while (System.currentTimeMillis() <= lastRecordedAt) {
            Thread.onSpinWait();
        }
        String id = created(api.post(as, "/api/reviews", """
                {"campaignId":"%s","round":"%s","subjectType":"ORGANISATION","subjectId":"%s",
                 "organisationId":"%s","rating":"FAIR","problems":"群众知晓率不高","rectificationRequired":%s,
                 "rectificationDeadline":%s}""".formatted(campaign, round, organisation, organisation,
                rectification == null ? "null" : "\"" + rectification + "\"",
                rectification == null ? "null" : "\"2011-07-15\"")), "reviewId");
        lastRecordedAt = System.currentTimeMillis();
        return id;
    }

    List<String> listed(As as, String query) {
        JsonNode page = expect(200, api.get(as, "/api/reviews?campaignId=" + campaign + query)).getBody();
        return page.get("items").findValuesAsText("id");
    }

    List<String> reviews(int... indexes) {
        return Arrays.stream(indexes).mapToObj(reviews::get).toList();
    }

    As clerk(String agency) {
        return new As("clerk-" + agency, agency).withRoles("AGENCY_STAFF");
    }

    @Test
    void eachRoleListsTheReviewsItMaySeeNewestFirst() {
        assertThat(listed(clerk(east), "")).as("the township: its whole subtree").isEqualTo(reviews(2, 1, 0));
        assertThat(listed(clerk(subAgency), "")).as("an agency inside the township").isEqualTo(reviews(1));
        assertThat(listed(clerk(leaf), "")).as("the reviewed organisation itself").isEqualTo(reviews(1));
        assertThat(listed(clerk(west), "")).isEqualTo(reviews(3));
        assertThat(listed(leader, "")).as("recorded by the leader").isEqualTo(reviews(1, 0));
        assertThat(listed(otherLeader, "")).as("recorded by the office on the leader's link point")
                .isEqualTo(reviews(2));
        assertThat(listed(new As("inspector-" + east, "group-3").withRoles("INSPECTION_GROUP"), ""))
                .isEqualTo(reviews(3, 2, 1, 0));
        assertThat(listed(ApiClient.OFFICE.withRoles("ADMINISTRATOR"), "")).isEqualTo(reviews(3, 2, 1, 0));
        assertThat(listed(new As("admin-" + east, east).withRoles("ADMINISTRATOR", "AGENCY_STAFF"), ""))
                .as("an administrator of another agency reads as its agency's staff").isEqualTo(reviews(2, 1, 0));

        ResponseEntity<JsonNode> auditor = api.get(new As("auditor-1", ApiClient.DISTRICT).withRoles("AUDITOR"),
                "/api/reviews?campaignId=" + campaign);
        expect(403, auditor);
        assertThat(auditor.getBody().get("detail").asText()).contains("may list reviews");
    }

    @Test
    void aReviewOutsideTheCallersScopeIsRefusedWithTheReason() {
        ResponseEntity<JsonNode> otherAgency = api.get(clerk(west), "/api/reviews/" + reviews.get(0));
        expect(403, otherAgency);
        assertThat(otherAgency.getBody().get("title").asText()).isEqualTo("Not permitted");
        assertThat(otherAgency.getBody().get("detail").asText()).contains("clerk-" + west, reviews.get(0), v1,
                "belongs to another agency");
        expect(403, api.get(clerk(subAgency), "/api/reviews/" + reviews.get(0)));
        ResponseEntity<JsonNode> unassigned = api.get(otherLeader, "/api/reviews/" + reviews.get(0));
        expect(403, unassigned);
        assertThat(unassigned.getBody().get("detail").asText()).contains("not assigned to organisation " + v1);

        expect(200, api.get(clerk(east), "/api/reviews/" + reviews.get(1)));
        JsonNode own = expect(200, api.get(clerk(subAgency), "/api/reviews/" + reviews.get(1))).getBody();
        assertThat(own.at("/review/path")).extracting(JsonNode::asText).containsExactly(east, subAgency, leaf);
        expect(200, api.get(otherLeader, "/api/reviews/" + reviews.get(2)));
        expect(200, api.get(new As("inspector-9", "group-9").withRoles("INSPECTION_GROUP"),
                "/api/reviews/" + reviews.get(3)));
        expect(404, api.get(clerk(west), "/api/reviews/no-such-review"));
    }

    @Test
    void anAgencyAnswersTheReviewsOfItsWholeSubtreeAndNoOther() {
        expect(204, api.post(clerk(east), "/api/reviews/" + reviews.get(1) + "/rectification/commitment",
                "{\"statement\":\"月底前建立制度\",\"committedOn\":\"2011-07-01\"}"));
        expect(204, api.post(clerk(subAgency), "/api/reviews/" + reviews.get(1) + "/rectification/completion",
                "{\"report\":\"已建立\",\"completedOn\":\"2011-07-09\"}"));
        long before = api.storedEvents();
        expect(403, api.post(clerk(subAgency), "/api/reviews/" + reviews.get(0) + "/rectification/commitment",
                "{\"statement\":\"s\",\"committedOn\":\"2011-07-01\"}"));
        assertThat(api.storedEvents()).isEqualTo(before);
        assertThat(listed(leader, "&rectificationStatus=COMPLETED")).as("awaiting the leader's check")
                .isEqualTo(reviews(1));
    }

    @Test
    void theListIsFilteredAndPaged() {
        As office = ApiClient.OFFICE.withRoles("ADMINISTRATOR");
        expect(204, api.post(clerk(east), "/api/reviews/" + reviews.get(0) + "/rectification/commitment",
                "{\"statement\":\"七月十日前公示\",\"committedOn\":\"2011-07-01\"}"));

        assertThat(listed(office, "&rectificationStatus=REQUIRED")).isEqualTo(reviews(3, 1));
        assertThat(listed(office, "&rectificationStatus=REQUIRED,COMMITTED")).isEqualTo(reviews(3, 1, 0));
        assertThat(listed(office, "&rectificationStatus=NOT_REQUIRED&rectificationStatus=COMMITTED"))
                .isEqualTo(reviews(2, 0));
        assertThat(listed(office, "&round=2011-R2")).isEqualTo(reviews(3));
        assertThat(listed(office, "&round=&organisationId=")).as("blank filters filter nothing")
                .isEqualTo(reviews(3, 2, 1, 0));
        assertThat(listed(office, "&organisationId=" + subAgency)).as("an organisation and those below it")
                .isEqualTo(reviews(1));
        assertThat(listed(office, "&organisationId=" + v1)).isEqualTo(reviews(0));
        assertThat(listed(clerk(east), "&organisationId=" + w1)).as("filters never widen the scope").isEmpty();
        expect(400, api.get(office, "/api/reviews?rectificationStatus=DONE"));

        JsonNode first = expect(200, api.get(office, "/api/reviews?campaignId=" + campaign + "&size=3")).getBody();
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("items").findValuesAsText("id")).isEqualTo(reviews(3, 2, 1));
        JsonNode second = expect(200, api.get(office, "/api/reviews?campaignId=" + campaign + "&size=3&page=1"))
                .getBody();
        assertThat(second.get("items").findValuesAsText("id")).isEqualTo(reviews(0));
        assertThat(second.get("page").asInt()).isEqualTo(1);
        expect(400, api.get(office, "/api/reviews?size=1000"));
        expect(400, api.get(office, "/api/reviews?page=-1"));
    }
}
