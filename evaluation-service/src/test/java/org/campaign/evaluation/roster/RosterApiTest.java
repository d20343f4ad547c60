package org.campaign.evaluation.roster;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.MemberTransferred;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRenamed;
import org.campaign.evaluation.ApiClient;
import org.campaign.evaluation.ApiClient.As;
import org.campaign.evaluation.EvaluationServiceTest;
import org.campaign.evaluation.RosterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.evaluation.ApiClient.OFFICE;
import static org.campaign.evaluation.ApiClient.created;
import static org.campaign.evaluation.ApiClient.expect;

/** Where a subject belongs is the roster's word, as the pledge service publishes it, not the request's. */
@EvaluationServiceTest
class RosterApiTest {

    static final String EAST = "east-township";
    static final String WEST = "west-township";
    static final As EAST_GROUP = new As("inspector-east", "group-east");
    static final As WEST_GROUP = new As("inspector-west", "group-west");

    @Autowired
    ApiClient api;
    @Autowired
    RosterFixture roster;
    @Autowired
    Roster placements;

    String campaign;
    String suffix;

    @BeforeEach
    void setUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        campaign = roster.campaign();
        roster.townships(EAST, WEST);
        api.assign(campaign, "inspector-east", "INSPECTION_GROUP", List.of(), List.of(EAST));
        api.assign(campaign, "inspector-west", "INSPECTION_GROUP", List.of(), List.of(WEST));
        expect(204, api.put(OFFICE, "/api/assessments/schemes/" + campaign, """
                {"weights":{"postCompetence":25,"developmentContribution":25,"publicSatisfaction":25,
                 "socialReputation":25},"advancedThreshold":85,"laggingThreshold":60}"""));
    }

    String evaluation(SubjectType type, String subject, String organisation, String township) {
        return """
                {"campaignId":"%s","year":2011,"round":"2011-R2","subjectType":"%s","subjectId":"%s",
                 "organisationId":"%s","townshipId":%s,"methods":["PHONE_CALLS"],"openedOn":"2011-09-20"}"""
                .formatted(campaign, type, subject, organisation, quoted(township));
    }

    String lagging(String organisation, String township) {
        return """
                {"campaignId":"%s","year":2011,"subjectType":"ORGANISATION","subjectId":"%s","organisationId":"%s",
                 "townshipId":%s,"postCompetence":50,"developmentContribution":50,"publicSatisfaction":50,
                 "socialReputation":50,"checklist":{"goodLeadership":false,"goodMembership":false,
                 "goodMechanisms":false,"goodResults":false,"goodPublicOpinion":false,"strongInDevelopment":false,
                 "strongInServingThePublic":false,"strongInUnitingPeople":false,"strongInPromotingHarmony":false}}"""
                .formatted(campaign, organisation, organisation, quoted(township));
    }

    String review(String organisation, String township) {
        return """
                {"campaignId":"%s","round":"2011-R1","subjectType":"ORGANISATION","subjectId":"%s",
                 "organisationId":"%s","townshipId":%s,"rating":"FAIR"}"""
                .formatted(campaign, organisation, organisation, quoted(township));
    }

    @Test
    void anInspectionGroupIsRefusedOutsideItsTownshipEvenWhenItStatesItsOwn() {
        String west = "west-village-" + suffix;
        String east = "east-village-" + suffix;
        roster.organisations(WEST, west);
        roster.organisations(EAST, east);
        long before = api.storedEvents();

        for (ResponseEntity<JsonNode> refused : List.of(
                api.post(EAST_GROUP, "/api/evaluations", evaluation(SubjectType.ORGANISATION, west, west, EAST)),
                api.post(EAST_GROUP, "/api/assessments", lagging(west, EAST)),
                api.post(EAST_GROUP, "/api/reviews", review(west, EAST)))) {
            expect(403, refused);
            assertThat(refused.getBody().get("detail").asText()).contains("township " + WEST);
        }
        ResponseEntity<JsonNode> misstated = api.post(EAST_GROUP, "/api/evaluations",
                evaluation(SubjectType.ORGANISATION, east, east, WEST));
        expect(400, misstated);
        assertThat(misstated.getBody().get("detail").asText()).isEqualTo("townshipId: organisation " + east
                + " belongs to township " + EAST + " on the roster, not " + WEST);
        assertThat(api.storedEvents()).isEqualTo(before);

        String opened = created(api.post(EAST_GROUP, "/api/evaluations",
                evaluation(SubjectType.ORGANISATION, east, east, null)), "evaluationId");
        assertThat(expect(200, api.get(EAST_GROUP, "/api/evaluations/" + opened)).getBody().get("townshipId").asText())
                .isEqualTo(EAST);
        JsonNode scored = expect(201, api.post(WEST_GROUP, "/api/assessments", lagging(west, WEST))).getBody();
        assertThat(expect(200, api.get("/api/rectifications/" + scored.get("ledgerId").asText())).getBody()
                .at("/unit/townshipId").asText()).isEqualTo(WEST);
    }

    @Test
    void aSubjectNotOnTheRosterIsRefusedEvenForTheDistrictOfficeAndNothingIsStoredOrPublished() {
        String unknown = "nowhere-" + suffix;
        String known = "known-village-" + suffix;
        String newcomer = "newcomer-" + suffix;
        roster.organisations(EAST, known);
        long before = api.storedEvents();

        for (ResponseEntity<JsonNode> refused : List.of(
                api.post(EAST_GROUP, "/api/evaluations", evaluation(SubjectType.ORGANISATION, unknown, unknown, EAST)),
                api.post(OFFICE, "/api/evaluations", evaluation(SubjectType.ORGANISATION, unknown, unknown, null)),
                api.post(EAST_GROUP, "/api/assessments", lagging(unknown, EAST)),
                api.post(OFFICE, "/api/reviews", review(unknown, null)))) {
            expect(409, refused);
            assertThat(refused.getBody().get("detail").asText())
                    .startsWith("Organisation " + unknown + " is not on the roster (yet)");
        }
        ResponseEntity<JsonNode> member = api.post(EAST_GROUP, "/api/evaluations",
                evaluation(SubjectType.MEMBER, newcomer, known, EAST));
        expect(409, member);
        assertThat(member.getBody().get("detail").asText())
                .startsWith("Member " + newcomer + " is not on the roster (yet)");
        assertThat(api.storedEvents()).isEqualTo(before);

        String later = created(api.post(EAST_GROUP, "/api/evaluations",
                evaluation(SubjectType.ORGANISATION, known, known, EAST)), "evaluationId");
        assertThat(api.publishedSoFar(later)).extracting(EventEnvelope::payload)
                .noneMatch(payload -> payload.toString().contains(unknown) || payload.toString().contains(newcomer));
    }

    @Test
    void aDuplicateOrOlderRosterEventChangesNothing() {
        String village = "dup-village-" + suffix;
        String other = "dup-other-" + suffix;
        String member = "dup-member-" + suffix;
        roster.organisations(EAST, village, other);
        roster.member(member, village);
        roster.move(village, 1, WEST);
        roster.publish(new MemberTransferred(member, village, other), "Member", member, 2);
        roster.awaitPlaced(SubjectType.MEMBER, member, other, EAST);

        roster.publish(RosterFixture.registered(village, EAST, List.of(EAST, village)), "Organisation", village, 0);
        roster.publish(new OrganisationMoved(village, "north", "north", "north", List.of("north", village)),
                "Organisation", village, 1);
        roster.publish(new OrganisationRenamed(village, "柳树村党支部"), "Organisation", village, 2);
        roster.publish(new MemberEnrolled(member, village, null), "Member", member, 0);
        roster.awaitConsumed();

        assertThat(placements.place(SubjectType.ORGANISATION, village))
                .isEqualTo(new Placement(village, WEST, List.of(WEST, village)));
        assertThat(placements.place(SubjectType.MEMBER, member))
                .isEqualTo(new Placement(other, EAST, List.of(EAST, other)));
    }

    @Test
    void aMovedOrganisationCountsForItsNewTownshipWithItsSubtreeAndMembers() {
        String moving = "moving-village-" + suffix;
        String child = "moving-child-" + suffix;
        String member = "moving-member-" + suffix;
        roster.organisations(EAST, moving);
        roster.publish(RosterFixture.registered(child, EAST, List.of(EAST, moving, child)), "Organisation", child, 0);
        roster.awaitPlaced(SubjectType.ORGANISATION, child, child, EAST);
        roster.member(member, child);

        roster.move(moving, 1, WEST);
        roster.awaitPlaced(SubjectType.ORGANISATION, child, child, WEST);
        roster.awaitPlaced(SubjectType.MEMBER, member, child, WEST);

        long before = api.storedEvents();
        expect(403, api.post(EAST_GROUP, "/api/evaluations", evaluation(SubjectType.ORGANISATION, moving, moving,
                EAST)));
        expect(403, api.post(EAST_GROUP, "/api/assessments", lagging(child, null)));
        assertThat(api.storedEvents()).isEqualTo(before);

        String opened = created(api.post(WEST_GROUP, "/api/evaluations",
                evaluation(SubjectType.ORGANISATION, moving, moving, WEST)), "evaluationId");
        assertThat(api.published(opened, 1).get(0).payload().get("townshipId").asText()).isEqualTo(WEST);
        String ofMember = created(api.post(WEST_GROUP, "/api/evaluations",
                evaluation(SubjectType.MEMBER, member, child, null)), "evaluationId");
        assertThat(expect(200, api.get(WEST_GROUP, "/api/evaluations/" + ofMember)).getBody().get("townshipId")
                .asText()).isEqualTo(WEST);
        expect(201, api.post(WEST_GROUP, "/api/assessments", lagging(child, null)));
        JsonNode west = expect(200, api.get("/api/rectifications?campaignId=" + campaign + "&townshipId=" + WEST))
                .getBody();
        assertThat(west.get("items")).extracting(item -> item.get("organisationId").asText()).containsExactly(child);
        assertThat(expect(200, api.get("/api/rectifications?campaignId=" + campaign + "&townshipId=" + EAST))
                .getBody().get("total").asLong()).isZero();
    }

    @Test
    void aSubOrganisationRegisteredBeforeItsParentMovedButReceivedAfterTheMoveFollowsItsParent() {
        String parent = "late-parent-" + suffix;
        String child = "late-child-" + suffix;
        roster.organisations(EAST, parent);
        roster.move(parent, 1, WEST);
        // Registered under the parent while it was still in the east; its event arrives after the parent's move.
        roster.publish(RosterFixture.registered(child, EAST, List.of(EAST, parent, child)), "Organisation", child, 0);
        roster.awaitPlaced(SubjectType.ORGANISATION, child, child, WEST);
        assertThat(placements.place(SubjectType.ORGANISATION, child).path()).containsExactly(WEST, parent, child);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void aSubOrganisationReceivedAfterItsParentCameToHeadATownshipOfItsOwnFollowsItsParent() {
        String parent = "head-parent-" + suffix;
        String child = "head-child-" + suffix;
        roster.organisations(EAST, parent);
        // The parent stays where it is but now heads a township of its own.
        roster.publish(new OrganisationMoved(parent, EAST, parent, parent, List.of(EAST, parent)), "Organisation",
                parent, 1);
        roster.awaitPlaced(SubjectType.ORGANISATION, parent, parent, parent);
        // Registered under the parent while it was still in the east; its event arrives after the change.
        roster.publish(RosterFixture.registered(child, EAST, List.of(EAST, parent, child)), "Organisation", child, 0);
        roster.awaitPlaced(SubjectType.ORGANISATION, child, child, parent);
    }
}
