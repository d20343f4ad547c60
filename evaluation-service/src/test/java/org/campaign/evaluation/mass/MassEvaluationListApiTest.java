package org.campaign.evaluation.mass;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.evaluation.RosterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.evaluation.ApiClient.created;
import static org.campaign.evaluation.ApiClient.expect;
import static org.campaign.evaluation.mass.MassEvaluationApiTest.ballot;

/**
 * Finding mass evaluations: the district office lists all of them, an inspection group those of the subjects its
 * active assignments cover and those it opened; filtered, paged, the newest first, and never with a respondent.
 */
@EvaluationServiceTest
class MassEvaluationListApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;

    String campaign;
    String east;
    String west;
    String e1;
    String e2;
    String w1;
    As group;
    As former;
    As office;
    String phone;
    /** In opening order: e1 by the group (closed), e2 by the group, e2 by the former group, w1 and e1 by the office. */
    List<String> evaluations;

    @BeforeEach
    void setUp() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        east = "east-" + run;
        west = "west-" + run;
        e1 = east + "-v1";
        e2 = east + "-v2";
        w1 = west + "-w1";
        roster.organisations(east, e1, e2);
        roster.organisations(west, w1);
        campaign = roster.campaign();
        group = new As("inspector-" + run, "group-" + run).withRoles("INSPECTION_GROUP");
        former = new As("inspector-former-" + run, "group-former-" + run).withRoles("INSPECTION_GROUP");
        office = ApiClient.OFFICE.withRoles("ADMINISTRATOR");
        api.assign(campaign, group.user(), "INSPECTION_GROUP", List.of(), List.of(east));
        String formerAssignment = api.assign(campaign, former.user(), "INSPECTION_GROUP", List.of(e2), List.of());

        evaluations = new ArrayList<>();
        evaluations.add(open(group, e1, 2011, "2011-R1"));
        phone = "1390000" + run;
        expect(204, api.post(group, "/api/evaluations/" + evaluations.get(0) + "/ballots",
                ballot(phone, "PHONE_CALLS", "SATISFIED", "村道修好了")));
        expect(204, api.post(group, "/api/evaluations/" + evaluations.get(0) + "/tallies",
                "{\"method\":\"EVALUATION_MEETING\",\"satisfied\":6,\"basicallySatisfied\":1,\"dissatisfied\":1}"));
        expect(200, api.post(group, "/api/evaluations/" + evaluations.get(0) + "/closing",
                "{\"closedOn\":\"2011-09-30\"}"));
        evaluations.add(open(group, e2, 2011, "2011-R2"));
        evaluations.add(open(former, e2, 2011, "2011-R2"));
        expect(204, api.post(office, "/api/assignments/" + formerAssignment + "/revocation",
                "{\"reason\":\"调整督导组\"}"));
        evaluations.add(open(office, w1, 2012, "2012-R1"));
        evaluations.add(open(office, e1, 2012, "2012-R2"));
    }

    String open(As as, String organisation, int year, String round) {
        return created(api.post(as, "/api/evaluations", """
                {"campaignId":"%s","year":%d,"round":"%s","subjectType":"ORGANISATION","subjectId":"%s",
                 "organisationId":"%s","methods":["EVALUATION_MEETING","PHONE_CALLS"],"openedOn":"2011-09-20"}"""
                .formatted(campaign, year, round, organisation, organisation)), "evaluationId");
    }

    JsonNode page(As as, String filters) {
        return expect(200, api.get(as, "/api/evaluations?campaignId=" + campaign + filters)).getBody();
    }

    List<String> listed(As as, String filters) {
        List<String> ids = new ArrayList<>();
        page(as, filters + "&size=200").get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The evaluations of the given opening positions, the newest first. */
    List<String> newestFirst(int... positions) {
        List<String> ids = new ArrayList<>();
        for (int i = positions.length - 1; i >= 0; i--) {
            ids.add(evaluations.get(positions[i]));
        }
        return ids;
    }

    @Test
    void theDistrictOfficeListsAllAndAGroupWhatItsAssignmentsCoverAndWhatItOpened() {
        assertThat(listed(office, "")).containsExactlyInAnyOrderElementsOf(newestFirst(0, 1, 2, 3, 4));
        assertThat(listed(group, "")).containsExactlyInAnyOrderElementsOf(newestFirst(0, 1, 2, 4));
        // the former group's assignment was revoked: it still finds the evaluation it opened, and only that one
        assertThat(listed(former, "")).containsExactly(evaluations.get(2));
        As unassigned = new As("inspector-nowhere", "group-nowhere").withRoles("INSPECTION_GROUP");
        assertThat(page(unassigned, "").get("total").asLong()).isZero();

        JsonNode all = page(office, "&size=200");
        assertThat(all.get("total").asLong()).isEqualTo(5);
        List<Instant> openedAt = new ArrayList<>();
        all.get("items").forEach(item -> openedAt.add(Instant.parse(item.get("openedAt").asText())));
        assertThat(openedAt).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all.get("items").get(0).get("id").asText()).isEqualTo(evaluations.get(4));
        assertThat(all.get("items").get(4).get("id").asText()).isEqualTo(evaluations.get(0));
    }

    @Test
    void readingOneFollowsTheSameScopeAndNeverShowsARespondent() {
        JsonNode closed = expect(200, api.get(group, "/api/evaluations/" + evaluations.get(0))).getBody();
        assertThat(closed.get("satisfactionRate").decimalValue()).isEqualByComparingTo("88.9");
        assertThat(closed.get("openedBy").asText()).isEqualTo(group.user());
        assertThat(closed.get("comments")).extracting(JsonNode::asText).containsExactly("村道修好了");
        expect(200, api.get(former, "/api/evaluations/" + evaluations.get(2)));
        expect(200, api.get(office, "/api/evaluations/" + evaluations.get(3)));

        ResponseEntity<JsonNode> notAssigned = api.get(group, "/api/evaluations/" + evaluations.get(3));
        expect(403, notAssigned);
        assertThat(notAssigned.getBody().get("detail").asText()).isEqualTo(group.user() + " of agency "
                + group.agency() + " may not read mass evaluation " + evaluations.get(3) + " of organisation " + w1
                + ": they did not open it and are not assigned to organisation " + w1 + " or township " + west
                + " in campaign " + campaign);
        expect(403, api.get(former, "/api/evaluations/" + evaluations.get(1)));
        expect(404, api.get(group, "/api/evaluations/no-such-evaluation"));

        for (As as : List.of(office, group)) {
            String body = page(as, "&size=200").toString();
            assertThat(body).doesNotContain(phone, "respondent");
        }
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(listed(group, "&open=true")).containsExactlyInAnyOrderElementsOf(newestFirst(1, 2, 4));
        JsonNode closed = page(group, "&open=false");
        assertThat(closed.get("items")).extracting(item -> item.get("id").asText())
                .containsExactly(evaluations.get(0));
        assertThat(closed.at("/items/0/closed").asBoolean()).isTrue();
        assertThat(closed.at("/items/0/satisfied").asInt()).isEqualTo(7);
        assertThat(closed.at("/items/0/ballots").asInt()).isEqualTo(1);
        assertThat(closed.at("/items/0/tallies").asInt()).isEqualTo(1);

        assertThat(listed(office, "&year=2012")).containsExactlyInAnyOrderElementsOf(newestFirst(3, 4));
        assertThat(listed(office, "&round=2011-R2")).containsExactlyInAnyOrderElementsOf(newestFirst(1, 2));
        assertThat(listed(office, "&round=&townshipId=&organisationId=")).as("blank filters filter nothing")
                .containsExactlyInAnyOrderElementsOf(newestFirst(0, 1, 2, 3, 4));
        assertThat(listed(office, "&townshipId=" + west)).containsExactly(evaluations.get(3));
        assertThat(listed(office, "&organisationId=" + e1)).containsExactlyInAnyOrderElementsOf(newestFirst(0, 4));
        assertThat(listed(group, "&townshipId=" + west)).isEmpty();
        assertThat(listed(group, "&organisationId=" + e1 + "&open=true&year=2012"))
                .containsExactly(evaluations.get(4));
        assertThat(page(office, "").get("total").asLong()).isEqualTo(5);
        assertThat(expect(200, api.get(office, "/api/evaluations?campaignId=" + campaign + "x")).getBody()
                .get("total").asLong()).isZero();
        assertThat(expect(400, api.get(office, "/api/evaluations?year=abc")).getBody().at("/errors/0/message")
                .asText()).isEqualTo("'abc' is not a whole number");
        assertThat(expect(400, api.get(office, "/api/evaluations?open=maybe")).getBody().at("/errors/0/message")
                .asText()).isEqualTo("'maybe' is not true or false");
    }

    @Test
    void theListIsPaged() {
        List<String> all = listed(group, "");
        JsonNode first = page(group, "&page=0&size=3");
        JsonNode second = page(group, "&page=1&size=3");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        List<String> paged = new ArrayList<>();
        first.get("items").forEach(item -> paged.add(item.get("id").asText()));
        assertThat(paged).hasSize(3);
        second.get("items").forEach(item -> paged.add(item.get("id").asText()));
        assertThat(paged).isEqualTo(all);
        expect(400, api.get(group, "/api/evaluations?size=0"));
        expect(400, api.get(group, "/api/evaluations?size=201"));
    }
}
