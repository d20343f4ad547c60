package org.campaign.evaluation.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.evaluation.RosterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.evaluation.ApiClient.OFFICE;
import static org.campaign.evaluation.ApiClient.created;
import static org.campaign.evaluation.ApiClient.expect;

@EvaluationServiceTest
class AssessmentApiTest {

    static final As GROUP = new As("inspector-5", "group-5");
    static final String SCHEME = """
            {"weights":{"postCompetence":30,"developmentContribution":30,"publicSatisfaction":25,
             "socialReputation":15},"advancedThreshold":85,"laggingThreshold":60}""";
    static final String CHECKLIST = """
            {"goodLeadership":true,"goodMembership":true,"goodMechanisms":false,"goodResults":true,
             "goodPublicOpinion":true,"strongInDevelopment":true,"strongInServingThePublic":false,
             "strongInUnitingPeople":true,"strongInPromotingHarmony":true}""";

    /** The checklist as sent, every one of its nine marks. */
    static JsonNode checklist() {
        try {
            return new ObjectMapper().readTree(CHECKLIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;

    String campaign;

    @BeforeEach
    void setUp() {
        roster.organisations("east", "v1", "v2", "v3", "v8");
        roster.member("m-7", "v1");
        campaign = roster.campaign();
        api.assign(campaign, "inspector-5", "INSPECTION_GROUP", List.of(), List.of("east"));
    }

    void setScheme() {
        expect(204, api.put(OFFICE, "/api/assessments/schemes/" + campaign, SCHEME));
    }

    String organisation(String id, String satisfaction, String otherScores) {
        return """
                {"campaignId":"%s","year":2011,"subjectType":"ORGANISATION","subjectId":"%s","organisationId":"%s",
                 "townshipId":"east","postCompetence":%s,"developmentContribution":%s,"publicSatisfaction":%s,
                 "socialReputation":%s,"checklist":%s}"""
                .formatted(campaign, id, id, otherScores, otherScores, satisfaction, otherScores, CHECKLIST);
    }

    @Test
    void theDistrictSetsTheSchemeAndAnOrganisationIsScoredUnderIt() {
        setScheme();
        assertThat(expect(200, api.get("/api/assessments/schemes/" + campaign)).getBody()
                .at("/scheme/weights/publicSatisfaction").asInt()).isEqualTo(25);

        JsonNode scored = expect(201, api.post(GROUP, "/api/assessments", organisation("v1", "80", "90")))
                .getBody();
        // 27 + 27 + 20 + 13.5 = 87.5
        assertThat(scored.get("total").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(scored.get("grade").asText()).isEqualTo("ADVANCED");
        assertThat(scored.get("ledgerId").isNull()).isTrue();
        String id = scored.get("assessmentId").asText();
        assertThat(id).isEqualTo(campaign + ":2011:ORGANISATION:v1");

        JsonNode details = expect(200, api.get("/api/assessments/" + id)).getBody();
        assertThat(details.at("/assessment/publicSatisfactionSource").asText()).isEqualTo("ENTERED");
        assertThat(details.at("/assessment/checklist")).isEqualTo(checklist());
        assertThat(details.at("/timeline/0/actor/userId").asText()).isEqualTo("inspector-5");

        assertThat(api.publishedTypes(campaign, 1)).containsExactly("AssessmentSchemeSet");
        JsonNode payload = api.published(id, 1).get(0).payload();
        assertThat(payload.get("grade").asText()).isEqualTo("ADVANCED");
        assertThat(payload.at("/scores/socialReputation").decimalValue()).isEqualByComparingTo("90");
        assertThat(payload.get("checklist")).isEqualTo(checklist());
    }

    @Test
    void publicSatisfactionLeftOutIsTakenFromTheClosedMassEvaluationsOfThatYear() {
        setScheme();
        for (String tally : List.of("30,10,10", "15,0,5")) {
            String evaluation = created(api.post(GROUP, "/api/evaluations", """
                    {"campaignId":"%s","year":2011,"round":"2011-R3","subjectType":"MEMBER","subjectId":"m-7",
                     "organisationId":"v1","townshipId":"east","methods":["QUESTIONNAIRE"],"openedOn":"2011-12-01"}"""
                    .formatted(campaign)), "evaluationId");
            String[] counts = tally.split(",");
            expect(204, api.post(GROUP, "/api/evaluations/" + evaluation + "/tallies", """
                    {"method":"QUESTIONNAIRE","satisfied":%s,"basicallySatisfied":%s,"dissatisfied":%s}"""
                    .formatted(counts[0], counts[1], counts[2])));
            expect(200, api.post(GROUP, "/api/evaluations/" + evaluation + "/closing",
                    "{\"closedOn\":\"2011-12-20\"}"));
        }
        JsonNode scored = expect(201, api.post(GROUP, "/api/assessments", """
                {"campaignId":"%s","year":2011,"subjectType":"MEMBER","subjectId":"m-7","organisationId":"v1",
                 "townshipId":"east","postCompetence":80,"developmentContribution":80,"socialReputation":80}"""
                .formatted(campaign))).getBody();
        // (45 + 10) / 70 = 78.571…% -> 78.6; 24 + 24 + 19.65 + 12 = 79.65 -> 79.7
        JsonNode assessment = expect(200, api.get("/api/assessments/" + scored.get("assessmentId").asText()))
                .getBody().get("assessment");
        assertThat(assessment.at("/scores/publicSatisfaction").decimalValue()).isEqualByComparingTo("78.6");
        assertThat(assessment.get("publicSatisfactionSource").asText()).isEqualTo("MASS_EVALUATIONS");
        assertThat(assessment.get("total").decimalValue()).isEqualByComparingTo("79.7");
        assertThat(assessment.get("grade").asText()).isEqualTo("MIDDLE");
        assertThat(assessment.get("checklist").isNull()).isTrue();
    }

    @Test
    void publicSatisfactionLeftOutWithoutAClosedMassEvaluationIsRefusedNamingTheField() {
        setScheme();
        long before = api.storedEvents();
        ResponseEntity<JsonNode> response = api.post(GROUP, "/api/assessments", organisation("v2", "null", "90"));
        expect(400, response);
        assertThat(response.getBody().get("detail").asText()).startsWith("publicSatisfaction: ");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void invalidSchemesAndScoresAreRefusedNamingTheFieldsAndNothingIsStored() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> scheme = api.put(OFFICE, "/api/assessments/schemes/" + campaign, """
                {"weights":{"postCompetence":30,"developmentContribution":30,"publicSatisfaction":25,
                 "socialReputation":5},"advancedThreshold":60,"laggingThreshold":85}""");
        expect(400, scheme);
        assertThat(scheme.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("weights", "laggingThreshold");
        ResponseEntity<JsonNode> missing = api.put(OFFICE, "/api/assessments/schemes/" + campaign,
                "{\"weights\":{\"postCompetence\":101},\"advancedThreshold\":85}");
        expect(400, missing);
        assertThat(missing.getBody().get("errors").findValuesAsText("field")).contains(
                "weights.postCompetence", "weights.developmentContribution", "laggingThreshold");

        setScheme();
        ResponseEntity<JsonNode> score = api.post(GROUP, "/api/assessments", organisation("v3", "80", "90")
                .replace("\"postCompetence\":90", "\"postCompetence\":100.5")
                .replace("\"checklist\":" + CHECKLIST, "\"checklist\":null"));
        expect(400, score);
        assertThat(score.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("postCompetence", "checklist");
        assertThat(api.storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void anAssessmentOutsideTheCampaignsYearsOrWithAnIncompleteChecklistIsRefusedAndNothingIsStored() {
        setScheme();
        long before = api.storedEvents();
        ResponseEntity<JsonNode> later = api.post(GROUP, "/api/assessments", organisation("v3", "80", "90")
                .replace("\"year\":2011", "\"year\":2030"));
        expect(400, later);
        assertThat(later.getBody().get("detail").asText()).isEqualTo("year: 2030 is outside campaign " + campaign
                + ", which runs from 2010-06-01 to 2012-12-31");

        ResponseEntity<JsonNode> empty = api.post(GROUP, "/api/assessments", organisation("v3", "80", "90")
                .replace("\"checklist\":" + CHECKLIST, "\"checklist\":{}"));
        expect(400, empty);
        assertThat(empty.getBody().get("detail").asText()).startsWith("Invalid fields: checklist.");
        assertThat(empty.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "checklist.goodLeadership", "checklist.goodMembership", "checklist.goodMechanisms",
                "checklist.goodResults", "checklist.goodPublicOpinion", "checklist.strongInDevelopment",
                "checklist.strongInServingThePublic", "checklist.strongInUnitingPeople",
                "checklist.strongInPromotingHarmony");
        ResponseEntity<JsonNode> partial = api.post(GROUP, "/api/assessments", organisation("v3", "80", "90")
                .replace("\"goodLeadership\":true,", ""));
        expect(400, partial);
        assertThat(partial.getBody().get("detail").asText()).isEqualTo("Invalid fields: checklist.goodLeadership");
        assertThat(api.storedEvents()).isEqualTo(before);

        expect(201, api.post(GROUP, "/api/assessments", organisation("v3", "80", "90")
                .replace("\"year\":2011", "\"year\":2012")));
    }

    @Test
    void wrongStatesAndWrongPeopleAreRefusedAndNothingIsStored() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> noScheme = api.post(GROUP, "/api/assessments", organisation("v1", "80", "90"));
        expect(409, noScheme);
        assertThat(noScheme.getBody().get("detail").asText()).contains("has no assessment scheme yet");
        expect(403, api.put(GROUP, "/api/assessments/schemes/" + campaign, SCHEME));
        assertThat(api.storedEvents()).isEqualTo(before);

        setScheme();
        expect(409, api.put(OFFICE, "/api/assessments/schemes/" + campaign, SCHEME));
        expect(403, api.post(new As("inspector-6", "group-6"), "/api/assessments", organisation("v1", "80", "90")));
        expect(201, api.post(GROUP, "/api/assessments", organisation("v1", "80", "90")));
        long scored = api.storedEvents();
        ResponseEntity<JsonNode> twice = api.post(GROUP, "/api/assessments", organisation("v1", "70", "70"));
        expect(409, twice);
        assertThat(twice.getBody().get("detail").asText()).contains("was already assessed for 2011");
        ResponseEntity<JsonNode> change = api.put(OFFICE, "/api/assessments/schemes/" + campaign,
                SCHEME.replace("\"advancedThreshold\":85", "\"advancedThreshold\":90"));
        expect(409, change);
        assertThat(change.getBody().get("detail").asText()).contains("can no longer change");
        assertThat(api.storedEvents()).isEqualTo(scored);
        expect(404, api.get("/api/assessments/" + campaign + ":2011:ORGANISATION:v404"));
    }

    @Test
    void aLaggingOrganisationIsOnTheLedgerAsSoonAsItIsScored() {
        setScheme();
        JsonNode scored = expect(201, api.post(GROUP, "/api/assessments", organisation("v8", "50", "55")))
                .getBody();
        assertThat(scored.get("grade").asText()).isEqualTo("LAGGING");
        String ledgerId = scored.get("ledgerId").asText();
        assertThat(ledgerId).isEqualTo(campaign + ":2011:v8");

        JsonNode unit = expect(200, api.get("/api/rectifications/" + ledgerId)).getBody().get("unit");
        assertThat(unit.get("status").asText()).isEqualTo("LISTED");
        assertThat(unit.get("total").decimalValue()).isEqualByComparingTo("53.8");
        assertThat(unit.get("townshipId").asText()).isEqualTo("east");
        assertThat(api.publishedTypes(ledgerId, 1)).containsExactly("LaggingUnitListed");
        assertThat(api.publishedTypes(scored.get("assessmentId").asText(), 1)).containsExactly("EvaluationScored");
    }
}
