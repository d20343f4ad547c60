package org.campaign.evaluation.mass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.evaluation.RosterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.evaluation.ApiClient.created;
import static org.campaign.evaluation.ApiClient.expect;

@EvaluationServiceTest
class MassEvaluationApiTest {

    static final As GROUP = new As("inspector-3", "group-3");
    static final As OTHER_GROUP = new As("inspector-4", "group-4");
    static final ObjectMapper JSON = EventJson.newObjectMapper();

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;
    @Autowired
    MongoTemplate mongo;

    String campaign;

    @BeforeEach
    void setUp() {
        roster.organisations("east", "v1");
        roster.organisations("west", "w1");
        campaign = roster.campaign();
        api.assign(campaign, "inspector-3", "INSPECTION_GROUP", List.of(), List.of("east"));
    }

    String open(String methods) {
        return created(api.post(GROUP, "/api/evaluations", """
                {"campaignId":"%s","year":2011,"round":"2011-R2","subjectType":"ORGANISATION","subjectId":"v1",
                 "organisationId":"v1","townshipId":"east","methods":%s,"openedOn":"2011-09-20"}"""
                .formatted(campaign, methods)), "evaluationId");
    }

    static String ballot(String respondent, String method, String answer, String comment) {
        return """
                {"respondentId":"%s","method":"%s","answer":"%s","comment":%s}"""
                .formatted(respondent, method, answer, comment == null ? "null" : "\"" + comment + "\"");
    }

    @Test
    void ballotsAndTalliesAreCountedAndTheClosedResultIsPublishedWithoutAnyRespondent() throws Exception {
        String id = open("[\"EVALUATION_MEETING\",\"PHONE_CALLS\"]");
        // Which of its methods take ballots and which tallies, for the workspace to offer.
        JsonNode opened = expect(200, api.get(GROUP, "/api/evaluations/" + id)).getBody();
        assertThat(opened.get("ballotMethods")).extracting(JsonNode::asText).containsExactly("PHONE_CALLS");
        assertThat(opened.get("tallyMethods")).extracting(JsonNode::asText).containsExactly("EVALUATION_MEETING");
        String phone1 = "1390000" + UUID.randomUUID().toString().substring(0, 4);
        String phone2 = "1390001" + UUID.randomUUID().toString().substring(0, 4);
        String phone3 = "1390002" + UUID.randomUUID().toString().substring(0, 4);
        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot(phone1, "PHONE_CALLS", "SATISFIED", "村道修好了")));
        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot(phone2, "PHONE_CALLS", "DISSATISFIED", "办事还要跑好几趟")));
        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot(phone3, "PHONE_CALLS", "BASICALLY_SATISFIED", null)));
        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/tallies",
                "{\"method\":\"EVALUATION_MEETING\",\"satisfied\":40,\"basicallySatisfied\":12,\"dissatisfied\":8}"));

        JsonNode result = expect(200, api.post(GROUP, "/api/evaluations/" + id + "/closing",
                "{\"closedOn\":\"2011-09-30\"}")).getBody();
        // (41 + 13) / 63 = 85.714…% -> 85.7
        assertThat(result.get("closed").asBoolean()).isTrue();
        assertThat(result.get("satisfied").asInt()).isEqualTo(41);
        assertThat(result.get("basicallySatisfied").asInt()).isEqualTo(13);
        assertThat(result.get("dissatisfied").asInt()).isEqualTo(9);
        assertThat(result.get("ballots").asInt()).isEqualTo(3);
        assertThat(result.get("tallies").asInt()).isEqualTo(1);
        assertThat(result.get("satisfactionRate").decimalValue()).isEqualByComparingTo("85.7");
        assertThat(result.get("comments")).extracting(JsonNode::asText)
                .containsExactly("村道修好了", "办事还要跑好几趟");
        assertThat(result.toString()).doesNotContain(phone1, phone2, phone3);
        assertThat(expect(200, api.get(GROUP, "/api/evaluations/" + id)).getBody()).isEqualTo(result);

        List<EventEnvelope> published = api.published(id, 6);
        assertThat(published).extracting(EventEnvelope::type).containsExactly("MassEvaluationOpened", "BallotCast",
                "BallotCast", "BallotCast", "TallyEntered", "MassEvaluationClosed");
        assertThat(published.get(5).payload().get("satisfactionRate").decimalValue()).isEqualByComparingTo("85.7");
        assertThat(published.get(5).payload().get("total").asInt()).isEqualTo(63);
        String onTheWire = JSON.writeValueAsString(published);
        assertThat(onTheWire).doesNotContain(phone1, phone2, phone3, "respondent", "村道修好了");
    }

    @Test
    void aSecondBallotOfTheSameRespondentIsRefusedAndNothingIsStored() {
        String id = open("[\"PHONE_CALLS\"]");
        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot("139 0000 1111", "PHONE_CALLS", "SATISFIED", null)));
        long before = api.storedEvents();
        ResponseEntity<JsonNode> again = api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot("13900001111", "PHONE_CALLS", "DISSATISFIED", null));
        expect(409, again);
        assertThat(again.getBody().get("detail").asText())
                .isEqualTo("This respondent has already answered mass evaluation " + id);
        assertThat(api.storedEvents()).isEqualTo(before);
        assertThat(expect(200, api.get(GROUP, "/api/evaluations/" + id)).getBody().get("dissatisfied").asInt())
                .isZero();
    }

    @Test
    void aClosedEvaluationAcceptsNothingMoreAndNothingIsStored() {
        String id = open("[\"BALLOT_BOX\"]");
        long empty = api.storedEvents();
        ResponseEntity<JsonNode> noAnswers = api.post(GROUP, "/api/evaluations/" + id + "/closing",
                "{\"closedOn\":\"2011-09-30\"}");
        expect(409, noAnswers);
        assertThat(noAnswers.getBody().get("detail").asText()).contains("has no answers yet");
        assertThat(api.storedEvents()).isEqualTo(empty);

        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/tallies",
                "{\"method\":\"BALLOT_BOX\",\"satisfied\":9,\"basicallySatisfied\":0,\"dissatisfied\":1}"));
        expect(200, api.post(GROUP, "/api/evaluations/" + id + "/closing", "{\"closedOn\":\"2011-09-30\"}"));
        long closed = api.storedEvents();
        expect(409, api.post(GROUP, "/api/evaluations/" + id + "/tallies",
                "{\"method\":\"BALLOT_BOX\",\"satisfied\":1,\"basicallySatisfied\":0,\"dissatisfied\":0}"));
        expect(409, api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot("late-voter", "BALLOT_BOX", "SATISFIED", null)));
        expect(409, api.post(GROUP, "/api/evaluations/" + id + "/closing", "{\"closedOn\":\"2011-10-01\"}"));
        String ballotBox = open("[\"BALLOT_BOX\"]");
        ResponseEntity<JsonNode> wrongMethod = api.post(GROUP, "/api/evaluations/" + ballotBox + "/tallies",
                "{\"method\":\"PHONE_CALLS\",\"satisfied\":1,\"basicallySatisfied\":0,\"dissatisfied\":0}");
        expect(409, wrongMethod);
        assertThat(wrongMethod.getBody().get("detail").asText()).contains("was opened for [BALLOT_BOX]");
        assertThat(api.storedEvents()).isEqualTo(closed + 1);
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> opening = api.post(GROUP, "/api/evaluations", """
                {"campaignId":"%s","year":1999,"round":"2011-R2","subjectType":"MEMBER","subjectId":"m1",
                 "organisationId":"v1","townshipId":"east","methods":[],"openedOn":null}""".formatted(campaign));
        expect(400, opening);
        assertThat(opening.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("year", "methods", "openedOn");
        String id = open("[\"QUESTIONNAIRE\",\"EVALUATION_MEETING\"]");
        ResponseEntity<JsonNode> ballot = api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                "{\"respondentId\":\"\",\"method\":\"QUESTIONNAIRE\"}");
        expect(400, ballot);
        assertThat(ballot.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("respondentId", "answer");
        ResponseEntity<JsonNode> tally = api.post(GROUP, "/api/evaluations/" + id + "/tallies",
                "{\"method\":\"EVALUATION_MEETING\",\"satisfied\":-1,\"basicallySatisfied\":0,\"dissatisfied\":0}");
        expect(400, tally);
        assertThat(tally.getBody().get("errors").findValuesAsText("field")).containsExactly("satisfied");
        ResponseEntity<JsonNode> empty = api.post(GROUP, "/api/evaluations/" + id + "/tallies",
                "{\"method\":\"EVALUATION_MEETING\",\"satisfied\":0,\"basicallySatisfied\":0,\"dissatisfied\":0}");
        expect(400, empty);
        expect(400, api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot("q-1", "QUESTIONNAIRE", "VERY_HAPPY", null)));
        assertThat(api.storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void aTallyCountsAtMostOneHundredThousandOfEachAnswerAndAnEvaluationAtMostOneMillionAnswers() {
        String id = open("[\"BALLOT_BOX\",\"PHONE_CALLS\"]");
        String tallies = "/api/evaluations/" + id + "/tallies";
        long before = api.storedEvents();
        ResponseEntity<JsonNode> huge = api.post(GROUP, tallies, """
                {"method":"BALLOT_BOX","satisfied":2147483647,"basicallySatisfied":2147483647,
                 "dissatisfied":2147483647}""");
        expect(400, huge);
        assertThat(huge.getBody().get("detail").asText()).startsWith("Invalid fields: ")
                .contains("satisfied", "basicallySatisfied", "dissatisfied");
        assertThat(huge.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("satisfied", "basicallySatisfied", "dissatisfied");
        assertThat(huge.getBody().get("errors").findValuesAsText("message")).allMatch(m -> m.contains("100000"));
        assertThat(api.storedEvents()).isEqualTo(before);
        // A number too large for any count is named, not called invalid JSON.
        assertThat(api.refusal(400, GROUP, tallies, """
                {"method":"BALLOT_BOX","satisfied":99999999999,"basicallySatisfied":0,"dissatisfied":0}"""))
                .isEqualTo("Field 'satisfied' has a value out of its range");
        // A count of people is a whole number: 1.5 is refused, not cut to 1.
        ResponseEntity<JsonNode> fraction = api.post(GROUP, tallies, """
                {"method":"BALLOT_BOX","satisfied":1.5,"basicallySatisfied":0,"dissatisfied":0}""");
        expect(400, fraction);
        assertThat(fraction.getBody().get("detail").asText()).contains("'satisfied'");
        assertThat(api.storedEvents()).isEqualTo(before);

        for (int i = 0; i < 3; i++) {
            expect(204, api.post(GROUP, tallies, tally(100_000, 100_000, 100_000)));
        }
        long counted = api.storedEvents();
        ResponseEntity<JsonNode> beyond = api.post(GROUP, tallies, tally(100_000, 0, 1));
        expect(409, beyond);
        assertThat(beyond.getBody().get("detail").asText()).isEqualTo("Mass evaluation " + id + " counts 900000 "
                + "answers and may count at most 1000000, so you cannot enter a tally of 100001 more");
        assertThat(api.storedEvents()).isEqualTo(counted);
        expect(204, api.post(GROUP, tallies, tally(100_000, 0, 0)));
        ResponseEntity<JsonNode> oneMore = api.post(GROUP, "/api/evaluations/" + id + "/ballots",
                ballot("13900001111", "PHONE_CALLS", "SATISFIED", null));
        expect(409, oneMore);
        assertThat(oneMore.getBody().get("detail").asText()).endsWith("so you cannot cast a ballot");

        JsonNode result = expect(200, api.post(GROUP, "/api/evaluations/" + id + "/closing",
                "{\"closedOn\":\"2011-09-30\"}")).getBody();
        assertThat(result.get("satisfied").asLong()).isEqualTo(400_000);
        assertThat(result.get("dissatisfied").asLong()).isEqualTo(300_000);
        assertThat(result.get("satisfactionRate").decimalValue()).isEqualByComparingTo("70.0");
        assertThat(api.published(id, 6).get(5).payload().get("total").asLong()).isEqualTo(1_000_000);
        assertThat(expect(200, api.get(GROUP, "/api/evaluations?campaignId=" + campaign)).getBody()
                .at("/items/0/id").asText()).isEqualTo(id);
    }

    static String tally(int satisfied, int basicallySatisfied, int dissatisfied) {
        return "{\"method\":\"BALLOT_BOX\",\"satisfied\":%d,\"basicallySatisfied\":%d,\"dissatisfied\":%d}"
                .formatted(satisfied, basicallySatisfied, dissatisfied);
    }

    @Test
    void countsStoredAsSmallOrAsOverflowedNumbersAreStillRead() {
        String id = open("[\"BALLOT_BOX\"]");
        // As kept before the counts were long numbers: int32, and int64 where an increment overflowed.
        mongo.getCollection("mass_evaluations").updateOne(new Document("_id", id), new Document("$set",
                new Document("satisfied", 7).append("basicallySatisfied", 2147483648L).append("dissatisfied", 0)));

        JsonNode evaluation = expect(200, api.get(GROUP, "/api/evaluations/" + id)).getBody();
        assertThat(evaluation.get("satisfied").asLong()).isEqualTo(7);
        assertThat(evaluation.get("basicallySatisfied").asLong()).isEqualTo(2147483648L);
        expect(200, api.get(GROUP, "/api/evaluations?campaignId=" + campaign));
    }

    @Test
    void anEvaluationIsOpenedAndClosedNoLaterThanTodayInOneOfTheCampaignsYears() {
        String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        String opening = """
                {"campaignId":"%s","year":%d,"round":"2011-R2","subjectType":"ORGANISATION","subjectId":"v1",
                 "organisationId":"v1","townshipId":"east","methods":["BALLOT_BOX"],"openedOn":"%s"}""";
        long before = api.storedEvents();
        ResponseEntity<JsonNode> openedLater = api.post(GROUP, "/api/evaluations",
                opening.formatted(campaign, 2011, future));
        expect(400, openedLater);
        assertThat(openedLater.getBody().get("detail").asText()).isEqualTo("Invalid fields: openedOn");
        ResponseEntity<JsonNode> laterYear = api.post(GROUP, "/api/evaluations",
                opening.formatted(campaign, 2013, "2011-09-20"));
        expect(400, laterYear);
        assertThat(laterYear.getBody().get("detail").asText()).isEqualTo("year: 2013 is outside campaign "
                + campaign + ", which runs from 2010-06-01 to 2012-12-31");
        expect(400, api.post(GROUP, "/api/evaluations", opening.formatted(campaign, 2009, "2011-09-20")));
        assertThat(api.refusal(400, GROUP, "/api/evaluations", opening.formatted(campaign, 2011, "1900-01-01")))
                .isEqualTo("openedOn: 1900-01-01 is before campaign " + campaign + " began (2010-06-01)");
        assertThat(api.storedEvents()).isEqualTo(before);

        String id = created(api.post(GROUP, "/api/evaluations", opening.formatted(campaign, 2010, "2011-09-20")),
                "evaluationId");
        expect(204, api.post(GROUP, "/api/evaluations/" + id + "/tallies", tally(9, 0, 1)));
        long tallied = api.storedEvents();
        ResponseEntity<JsonNode> closing = api.post(GROUP, "/api/evaluations/" + id + "/closing",
                "{\"closedOn\":\"" + future + "\"}");
        expect(400, closing);
        assertThat(closing.getBody().get("detail").asText()).isEqualTo("Invalid fields: closedOn");
        assertThat(api.storedEvents()).isEqualTo(tallied);
    }

    @Test
    void anInspectionGroupEvaluatesOnlyWhereItIsAssignedAndNothingIsStoredOtherwise() {
        String id = open("[\"PHONE_CALLS\"]");
        long before = api.storedEvents();
        expect(403, api.post(OTHER_GROUP, "/api/evaluations", """
                {"campaignId":"%s","year":2011,"round":"2011-R2","subjectType":"ORGANISATION","subjectId":"v1",
                 "organisationId":"v1","townshipId":"east","methods":["PHONE_CALLS"],"openedOn":"2011-09-20"}"""
                .formatted(campaign)));
        expect(403, api.post(GROUP, "/api/evaluations", """
                {"campaignId":"%s","year":2011,"round":"2011-R2","subjectType":"ORGANISATION","subjectId":"w1",
                 "organisationId":"w1","townshipId":"west","methods":["PHONE_CALLS"],"openedOn":"2011-09-20"}"""
                .formatted(campaign)));
        expect(403, api.post(OTHER_GROUP, "/api/evaluations/" + id + "/ballots",
                ballot("13900009999", "PHONE_CALLS", "SATISFIED", null)));
        assertThat(api.storedEvents()).isEqualTo(before);
        expect(404, api.post(GROUP, "/api/evaluations/no-such-evaluation/closing", "{\"closedOn\":\"2011-09-30\"}"));
    }
}
