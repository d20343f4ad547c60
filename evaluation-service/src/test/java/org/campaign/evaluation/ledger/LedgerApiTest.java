package org.campaign.evaluation.ledger;

import com.fasterxml.jackson.databind.JsonNode;
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
import static org.campaign.evaluation.ApiClient.OFFICE;
import static org.campaign.evaluation.ApiClient.expect;

@EvaluationServiceTest
class LedgerApiTest {

    static final As GROUP = new As("inspector-8", "group-8");
    static final As LEADER = new As("leader-wang", "district-committee");
    static final As EAST = new As("clerk-east", "east");

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;

    String campaign;

    @BeforeEach
    void setUp() {
        roster.organisations("east", "v1", "v2", "e1");
        roster.organisations("north", "n1", "n2");
        campaign = roster.campaign();
        api.assign(campaign, "inspector-8", "INSPECTION_GROUP", List.of(), List.of("east", "north"));
        expect(204, api.put(OFFICE, "/api/assessments/schemes/" + campaign, """
                {"weights":{"postCompetence":25,"developmentContribution":25,"publicSatisfaction":25,
                 "socialReputation":25},"advancedThreshold":85,"laggingThreshold":60}"""));
    }

    String lagging(String organisation, String township) {
        JsonNode scored = expect(201, api.post(GROUP, "/api/assessments", """
                {"campaignId":"%s","year":2011,"subjectType":"ORGANISATION","subjectId":"%s","organisationId":"%s",
                 "townshipId":"%s","postCompetence":50,"developmentContribution":50,"publicSatisfaction":50,
                 "socialReputation":50,"checklist":{"goodLeadership":false,"goodMembership":false,
                 "goodMechanisms":false,"goodResults":false,"goodPublicOpinion":false,"strongInDevelopment":false,
                 "strongInServingThePublic":false,"strongInUnitingPeople":false,"strongInPromotingHarmony":false}}"""
                .formatted(campaign, organisation, organisation, township))).getBody();
        return scored.get("ledgerId").asText();
    }

    @Test
    void aLaggingUnitIsRectifiedStepByStepUntilItIsCleared() {
        String id = lagging("v1", "east");
        String unit = "/api/rectifications/" + id;
        expect(204, api.post(OFFICE, unit + "/leader", "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));
        expect(204, api.post(LEADER, unit + "/measures",
                "{\"measures\":[\"调整村党支部班子\",\"建立党员联系户制度\"],\"dueOn\":\"2012-06-30\"}"));
        expect(204, api.post(EAST, unit + "/progress", "{\"progress\":\"班子已调整\",\"reportedOn\":\"2012-03-01\"}"));
        expect(204, api.post(GROUP, unit + "/final-check",
                "{\"passed\":false,\"findings\":\"联系户制度未落实\",\"checkedOn\":\"2012-04-01\"}"));

        JsonNode stillListed = expect(200, api.get(unit)).getBody().get("unit");
        assertThat(stillListed.get("status").asText()).isEqualTo("RECTIFYING");
        assertThat(stillListed.get("failedChecks").asInt()).isEqualTo(1);
        ResponseEntity<JsonNode> noProgress = api.post(OFFICE, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"ok\",\"checkedOn\":\"2012-04-02\"}");
        expect(409, noProgress);
        assertThat(noProgress.getBody().get("detail").asText()).contains("nothing to check");

        expect(204, api.post(LEADER, unit + "/progress",
                "{\"progress\":\"联系户制度已落实\",\"reportedOn\":\"2012-05-20\"}"));
        expect(204, api.post(OFFICE, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"整顿达标\",\"checkedOn\":\"2012-06-30\"}"));

        JsonNode details = expect(200, api.get(unit)).getBody();
        assertThat(details.at("/unit/status").asText()).isEqualTo("CLEARED");
        assertThat(details.at("/unit/leaderId").asText()).isEqualTo("leader-wang");
        assertThat(details.at("/unit/measures")).hasSize(2);
        assertThat(details.at("/unit/progressReports").asInt()).isEqualTo(2);
        assertThat(details.at("/unit/clearedOn").asText()).isEqualTo("2012-06-30");
        assertThat(details.get("timeline")).extracting(entry -> entry.at("/actor/userId").asText())
                .containsExactly("inspector-8", "office-1", "leader-wang", "clerk-east", "inspector-8",
                        "leader-wang", "office-1");
        assertThat(api.publishedTypes(id, 7)).containsExactly("LaggingUnitListed", "RectificationLeaderAssigned",
                "RectificationMeasuresRecorded", "RectificationProgressReported", "LaggingUnitCheckFailed",
                "RectificationProgressReported", "LaggingUnitCleared");

        long cleared = api.storedEvents();
        expect(409, api.post(LEADER, unit + "/progress", "{\"progress\":\"more\",\"reportedOn\":\"2012-07-01\"}"));
        expect(409, api.post(OFFICE, unit + "/leader", "{\"leaderId\":\"leader-li\",\"assignedOn\":\"2012-07-01\"}"));
        assertThat(api.storedEvents()).isEqualTo(cleared);
    }

    @Test
    void stepsByTheWrongPersonOrInTheWrongOrderOrWithInvalidFieldsAreRefusedAndNothingIsStored() {
        String id = lagging("v2", "east");
        String unit = "/api/rectifications/" + id;
        long before = api.storedEvents();
        expect(403, api.post(new As("inspector-9", "group-9"), unit + "/leader",
                "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));
        ResponseEntity<JsonNode> early = api.post(OFFICE, unit + "/measures",
                "{\"measures\":[\"调整班子\"],\"dueOn\":\"2012-06-30\"}");
        expect(409, early);
        assertThat(early.getBody().get("detail").asText()).contains("listed without a responsible leader");
        ResponseEntity<JsonNode> invalid = api.post(OFFICE, unit + "/measures", "{\"measures\":[],\"dueOn\":null}");
        expect(400, invalid);
        assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("measures", "dueOn");
        assertThat(api.storedEvents()).isEqualTo(before);

        expect(204, api.post(GROUP, unit + "/leader", "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));
        long assigned = api.storedEvents();
        expect(403, api.post(new As("clerk-west", "west"), unit + "/measures",
                "{\"measures\":[\"调整班子\"],\"dueOn\":\"2012-06-30\"}"));
        expect(403, api.post(LEADER, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"ok\",\"checkedOn\":\"2012-06-30\"}"));
        expect(409, api.post(OFFICE, unit + "/leader", "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-06\"}"));
        expect(404, api.post(OFFICE, "/api/rectifications/" + campaign + ":2011:v404/leader",
                "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));
        assertThat(api.storedEvents()).isEqualTo(assigned);
    }

    @Test
    void progressAndChecksAreNotDatedBeforeWhatTheyFollowNorInTheFuture() {
        String id = lagging("v1", "east");
        String unit = "/api/rectifications/" + id;
        String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        long listed = api.storedEvents();
        assertThat(api.refusal(400, OFFICE, unit + "/leader",
                "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"" + future + "\"}"))
                .isEqualTo("Invalid fields: assignedOn");
        assertThat(api.storedEvents()).isEqualTo(listed);
        expect(204, api.post(OFFICE, unit + "/leader",
                "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));
        expect(204, api.post(LEADER, unit + "/measures", "{\"measures\":[\"调整班子\"],\"dueOn\":\"2099-06-30\"}"));

        long rectifying = api.storedEvents();
        assertThat(api.refusal(400, EAST, unit + "/progress",
                "{\"progress\":\"p\",\"reportedOn\":\"2011-01-01\"}"))
                .isEqualTo("reportedOn: 2011-01-01 is before a leader was made responsible for the unit (2012-01-05)");
        assertThat(api.refusal(400, EAST, unit + "/progress",
                "{\"progress\":\"p\",\"reportedOn\":\"" + future + "\"}")).isEqualTo("Invalid fields: reportedOn");
        assertThat(api.storedEvents()).isEqualTo(rectifying);

        expect(204, api.post(EAST, unit + "/progress", "{\"progress\":\"p\",\"reportedOn\":\"2012-03-01\"}"));
        expect(204, api.post(GROUP, unit + "/final-check",
                "{\"passed\":false,\"findings\":\"f\",\"checkedOn\":\"2012-04-01\"}"));
        expect(204, api.post(EAST, unit + "/progress", "{\"progress\":\"p\",\"reportedOn\":\"2012-04-10\"}"));
        long progressed = api.storedEvents();
        assertThat(api.refusal(400, GROUP, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"f\",\"checkedOn\":\"2012-03-01\"}"))
                .isEqualTo("checkedOn: 2012-03-01 is before the latest progress was reported (2012-04-10)");
        assertThat(api.refusal(400, GROUP, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"f\",\"checkedOn\":\"" + future + "\"}"))
                .isEqualTo("Invalid fields: checkedOn");
        assertThat(api.storedEvents()).isEqualTo(progressed);

        expect(204, api.post(GROUP, unit + "/final-check",
                "{\"passed\":false,\"findings\":\"f\",\"checkedOn\":\"2012-05-01\"}"));
        // A late report of earlier work, then a check dated before the previous check.
        expect(204, api.post(EAST, unit + "/progress", "{\"progress\":\"p\",\"reportedOn\":\"2012-04-20\"}"));
        long reportedLate = api.storedEvents();
        assertThat(api.refusal(400, GROUP, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"f\",\"checkedOn\":\"2012-04-25\"}"))
                .isEqualTo("checkedOn: 2012-04-25 is before the unit was last checked (2012-05-01)");
        assertThat(api.storedEvents()).isEqualTo(reportedLate);
        assertThat(expect(200, api.get(unit)).getBody().at("/unit/status").asText()).isEqualTo("RECTIFYING");
        expect(204, api.post(GROUP, unit + "/final-check",
                "{\"passed\":true,\"findings\":\"f\",\"checkedOn\":\"2012-05-01\"}"));
    }

    @Test
    void onlyTheResponsibleLeaderAmongReviewersRecordsTheRectification() {
        String id = lagging("v2", "east");
        String unit = "/api/rectifications/" + id;
        api.assign(campaign, "review-tool", "LEADER", List.of("v2"), List.of());
        As otherLeader = new As("review-tool", "district").withRoles("REVIEWER");
        As responsible = new As("leader-wang", "district").withRoles("REVIEWER");
        As clerk = new As("clerk-east", "east").withRoles("AGENCY_STAFF");
        expect(204, api.post(OFFICE, unit + "/leader",
                "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));

        long before = api.storedEvents();
        ResponseEntity<JsonNode> measures = api.post(otherLeader, unit + "/measures",
                "{\"measures\":[\"调整班子\"],\"dueOn\":\"2012-06-30\"}");
        expect(403, measures);
        assertThat(measures.getBody().get("detail").asText()).startsWith("review-tool of district may not record "
                + "the rectification of " + id + ": only its responsible leader");
        assertThat(api.storedEvents()).isEqualTo(before);
        expect(204, api.post(responsible, unit + "/measures", "{\"measures\":[\"调整班子\"],\"dueOn\":\"2012-06-30\"}"));

        long measured = api.storedEvents();
        expect(403, api.post(otherLeader, unit + "/progress", "{\"progress\":\"p\",\"reportedOn\":\"2012-03-01\"}"));
        expect(403, api.post(new As("clerk-west", "west").withRoles("AGENCY_STAFF"), unit + "/progress",
                "{\"progress\":\"p\",\"reportedOn\":\"2012-03-01\"}"));
        assertThat(api.storedEvents()).isEqualTo(measured);
        expect(204, api.post(responsible, unit + "/progress", "{\"progress\":\"p\",\"reportedOn\":\"2012-03-01\"}"));
        expect(204, api.post(clerk, unit + "/progress", "{\"progress\":\"p\",\"reportedOn\":\"2012-03-02\"}"));
        expect(204, api.post(GROUP.withRoles("INSPECTION_GROUP"), unit + "/progress",
                "{\"progress\":\"p\",\"reportedOn\":\"2012-03-03\"}"));
    }

    @Test
    void theLedgerIsListedPageByPageAndFiltered() {
        lagging("n1", "north");
        lagging("n2", "north");
        String east = lagging("e1", "east");
        expect(204, api.post(OFFICE, "/api/rectifications/" + east + "/leader",
                "{\"leaderId\":\"leader-wang\",\"assignedOn\":\"2012-01-05\"}"));

        JsonNode all = expect(200, api.get("/api/rectifications?campaignId=" + campaign + "&size=2")).getBody();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items")).hasSize(2);
        JsonNode second = expect(200, api.get("/api/rectifications?campaignId=" + campaign + "&size=2&page=1"))
                .getBody();
        assertThat(second.get("items")).hasSize(1);
        JsonNode north = expect(200, api.get("/api/rectifications?campaignId=" + campaign
                + "&year=2011&townshipId=north&status=LISTED")).getBody();
        assertThat(north.get("items")).extracting(item -> item.get("organisationId").asText())
                .containsExactly("n1", "n2");
        assertThat(expect(200, api.get("/api/rectifications?campaignId=" + campaign + "&townshipId="))
                .getBody().get("total").asLong()).as("a blank filter filters nothing").isEqualTo(3);
        expect(400, api.get("/api/rectifications?size=1000"));
    }
}
