package org.campaign.evaluation.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.roster.OrganisationDeregistered;
import org.campaign.evaluation.RosterFixture;
import org.campaign.evaluation.roster.Roster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaign.evaluation.ApiClient.OFFICE;
import static org.campaign.evaluation.ApiClient.expect;
import static org.campaign.testsupport.Eventually.eventually;

@EvaluationServiceTest
class AssignmentApiTest {

    static final As LEADER = new As("leader-2", "district-committee");

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;
    @Autowired
    Roster placements;

    String review(String campaign) {
        return """
                {"campaignId":"%s","round":"2011-R1","subjectType":"ORGANISATION","subjectId":"v1",
                 "organisationId":"v1","rating":"GOOD"}""".formatted(campaign);
    }

    @Test
    void theDistrictAssignsAndRevokesAndTheReviewerCoversExactlyWhileAssigned() {
        roster.organisations("east", "v1", "v2");
        String campaign = roster.campaign();
        String id = api.assign(campaign, "leader-2", "LEADER", List.of("v1", "v2"), List.of());
        JsonNode assignment = expect(200, api.get(OFFICE, "/api/assignments/" + id)).getBody();
        assertThat(assignment.get("organisationIds")).extracting(JsonNode::asText).containsExactly("v1", "v2");
        assertThat(assignment.get("active").asBoolean()).isTrue();
        JsonNode listed = expect(200, api.get(OFFICE, "/api/assignments?campaignId=" + campaign
                + "&reviewerId=leader-2")).getBody();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        // A reviewer reads its own assignments, not anyone else's.
        api.assign(campaign, "group-9", "INSPECTION_GROUP", List.of(), List.of("east"));
        assertThat(expect(200, api.get(LEADER, "/api/assignments?campaignId=" + campaign)).getBody()
                .get("items").findValuesAsText("reviewerId")).containsExactly("leader-2");
        expect(200, api.get(LEADER, "/api/assignments/" + id));
        expect(403, api.get(LEADER, "/api/assignments?campaignId=" + campaign + "&reviewerId=group-9"));
        String other = expect(200, api.get(OFFICE, "/api/assignments?campaignId=" + campaign
                + "&reviewerId=group-9")).getBody().at("/items/0/id").asText();
        expect(403, api.get(LEADER, "/api/assignments/" + other));

        expect(201, api.post(LEADER, "/api/reviews", review(campaign)));
        expect(204, api.post(OFFICE, "/api/assignments/" + id + "/revocation", "{\"reason\":\"联系点调整\"}"));
        long before = api.storedEvents();
        expect(403, api.post(LEADER, "/api/reviews", review(campaign)));
        ResponseEntity<JsonNode> twice = api.post(OFFICE, "/api/assignments/" + id + "/revocation",
                "{\"reason\":\"again\"}");
        expect(409, twice);
        assertThat(twice.getBody().get("detail").asText()).isEqualTo("Assignment " + id + " is already revoked");
        assertThat(api.storedEvents()).isEqualTo(before);

        assertThat(api.publishedTypes(id, 2)).containsExactly("ReviewerAssigned", "ReviewerAssignmentRevoked");
        assertThat(api.published(id, 2).get(0).actor().agencyId()).isEqualTo("district");
    }

    @Test
    void anAssignmentThatAnActiveOneAlreadyCoversIsRefusedNamingIt() {
        roster.organisations("east", "v1", "v2");
        String campaign = roster.campaign();
        String first = api.assign(campaign, "leader-4", "LEADER", List.of("v1", "v2"), List.of());
        long before = api.storedEvents();
        for (String organisations : List.of("[\"v1\",\"v2\"]", "[\"v2\"]", "[\"v1\",\"v1\"]")) {
            ResponseEntity<JsonNode> twin = api.post(OFFICE, "/api/assignments", """
                    {"campaignId":"%s","reviewerId":"leader-4","kind":"LEADER","organisationIds":%s}"""
                    .formatted(campaign, organisations));
            expect(409, twin);
            assertThat(twin.getBody().get("detail").asText()).isEqualTo("leader-4 is already assigned to every "
                    + "organisation and township named, as LEADER in campaign " + campaign + ", by active "
                    + "assignment " + first);
        }
        assertThat(api.storedEvents()).isEqualTo(before);

        // Another kind, another township or another reviewer adds something.
        api.assign(campaign, "leader-4", "INSPECTION_GROUP", List.of("v1"), List.of());
        api.assign(campaign, "leader-4", "LEADER", List.of("v1"), List.of("east"));
        api.assign(campaign, "leader-5", "LEADER", List.of("v1", "v2"), List.of());
        // Once revoked, it covers nothing: the same assignment can be made again.
        expect(204, api.post(OFFICE, "/api/assignments/" + first + "/revocation", "{\"reason\":\"联系点调整\"}"));
        api.assign(campaign, "leader-4", "LEADER", List.of("v1", "v2"), List.of());
    }

    @Test
    void onlyTheDistrictAssignsAndInvalidAssignmentsAreRefusedNamingTheFields() {
        String campaign = roster.campaign();
        long before = api.storedEvents();
        expect(403, api.post(LEADER, "/api/assignments", """
                {"campaignId":"%s","reviewerId":"leader-2","kind":"LEADER","organisationIds":["v1"]}"""
                .formatted(campaign)));
        ResponseEntity<JsonNode> invalid = api.post(OFFICE, "/api/assignments", """
                {"campaignId":"a:b","reviewerId":"","kind":"LEADER","organisationIds":[],"townshipIds":[]}""");
        expect(400, invalid);
        assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("campaignId", "reviewerId", "organisationIds");
        ResponseEntity<JsonNode> kind = api.post(OFFICE, "/api/assignments", """
                {"campaignId":"%s","reviewerId":"g","kind":"COMMITTEE","townshipIds":["east"]}"""
                .formatted(campaign));
        expect(400, kind);
        assertThat(kind.getBody().get("detail").asText()).contains("'kind'");
        expect(400, api.post(new As("office-1", ""), "/api/assignments", "{}"));
        // A campaign the pledge service never defined: nothing can be assigned, scored or evaluated in it.
        String undefined = ApiClient.newCampaign();
        ResponseEntity<JsonNode> unknown = api.post(OFFICE, "/api/assignments", """
                {"campaignId":"%s","reviewerId":"leader-2","kind":"LEADER","organisationIds":["v1"]}"""
                .formatted(undefined));
        expect(409, unknown);
        assertThat(unknown.getBody().get("detail").asText()).startsWith("Campaign " + undefined + " is not defined");
        expect(409, api.put(OFFICE, "/api/assessments/schemes/" + undefined, """
                {"weights":{"postCompetence":30,"developmentContribution":30,"publicSatisfaction":25,
                 "socialReputation":15},"advancedThreshold":85,"laggingThreshold":60}"""));
        roster.organisations("east", "v1", "v2");
        expect(409, api.post(OFFICE, "/api/evaluations", """
                {"campaignId":"%s","year":2011,"round":"2011-R2","subjectType":"ORGANISATION","subjectId":"v1",
                 "organisationId":"v1","methods":["PHONE_CALLS"],"openedOn":"2011-09-20"}""".formatted(undefined)));
        // An assignment names only organisations and townships on the roster: not an unknown or deregistered
        // organisation, nor a township no organisation belongs to (v2 is an organisation, not a township).
        String gone = "gone-" + UUID.randomUUID();
        roster.organisations("east", gone);
        roster.publish(new OrganisationDeregistered(gone, "合并"), "Organisation", gone, 1);
        eventually(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> placements.place(SubjectType.ORGANISATION,
                gone)).hasMessageContaining("deregistered"));
        assertThat(refusal(campaign, "\"organisationIds\":[\"nowhere\"]"))
                .startsWith("Organisation nowhere is not on the roster (yet)");
        assertThat(refusal(campaign, "\"organisationIds\":[\"v2\",\"" + gone + "\"]"))
                .isEqualTo("Organisation " + gone + " was deregistered from the roster");
        assertThat(refusal(campaign, "\"townshipIds\":[\"nowhere\"]"))
                .startsWith("Township nowhere is not on the roster (yet)");
        assertThat(refusal(campaign, "\"townshipIds\":[\"east\",\"v2\"]"))
                .isEqualTo("Organisation v2 is not a township: it belongs to township east");
        assertThat(api.storedEvents()).isEqualTo(before);
        expect(404, api.post(OFFICE, "/api/assignments/no-such-assignment/revocation", "{\"reason\":\"r\"}"));
    }

    private String refusal(String campaign, String subjects) {
        return api.refusal(409, OFFICE, "/api/assignments", """
                {"campaignId":"%s","reviewerId":"leader-3","kind":"LEADER",%s}""".formatted(campaign, subjects));
    }
}
