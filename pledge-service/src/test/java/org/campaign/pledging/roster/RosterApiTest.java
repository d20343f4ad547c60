package org.campaign.pledging.roster;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.ApiClient.District;
import org.campaign.pledging.PledgeServiceApplication;
import org.campaign.pledging.PledgeServiceTest;
import org.campaign.testsupport.TopicReader;
import org.campaign.write.events.ActorMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;
import static org.campaign.testsupport.Eventually.eventually;

@PledgeServiceTest
class RosterApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CommandGateway commands;
    @Autowired
    TownshipRule townshipRule;
    @Value("${campaign.events.topic}")
    String topic;

    District district;

    @BeforeEach
    void setUp() {
        district = api.district();
    }

    @Test
    void anAgencyRegistersItsOrganisationsAndEnrolsMembersWhoseNamesStayInTheService() {
        String agency = district.township();
        expect(201, api.post(agency, "/api/members", """
                {"memberId":"m-%s","name":"张大爷","organisationId":"%s","category":"FARMER"}"""
                .formatted(district.village(), district.village())));
        JsonNode member = expect(200, api.get(agency, "/api/members/m-" + district.village())).getBody();
        assertThat(member.get("name").asText()).isEqualTo("张大爷");
        assertThat(member.get("path")).extracting(JsonNode::asText).contains(agency, district.village());

        String oral = api.pledge(agency, district.campaign(), "MEMBER", "m-" + district.village(), "2011-12-31");
        JsonNode pledge = api.get(agency, "/api/pledges/" + oral).getBody().get("pledge");
        assertThat(pledge.get("memberCategory").asText()).isEqualTo("FARMER");
        assertThat(pledge.get("organisationId").asText()).isEqualTo(district.village());

        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(reader.envelopes())
                    .filteredOn(e -> e.aggregateId().equals("m-" + district.village()))
                    .extracting(e -> e.type()).containsExactly("MemberEnrolled"));
            assertThat(reader.envelopes()).noneMatch(e -> e.payload().toString().contains("张大爷"));
        }
    }

    @Test
    void anAgencyCannotRegisterOrEnrolOutsideItsSubtreeAndNothingIsStored() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> register = api.post(district.otherTownship(), "/api/organisations", """
                {"organisationId":"x-%s","name":"x","kind":"BRANCH","sector":"RURAL_VILLAGE",
                 "parentId":"%s","townshipId":"t"}""".formatted(district.village(), district.village()));
        assertThat(register.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> enrol = api.post(district.otherTownship(), "/api/members", """
                {"memberId":"y-%s","name":"李四","organisationId":"%s","category":"RETIRED"}"""
                .formatted(district.village(), district.village()));
        assertThat(enrol.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> topLevel = api.post(district.township(), "/api/organisations", """
                {"organisationId":"z-%s","name":"z","kind":"PARTY_COMMITTEE","sector":"RURAL_VILLAGE",
                 "townshipId":"t"}""".formatted(district.village()));
        assertThat(topLevel.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Agencies are the district office's to register, also inside a township's own subtree.
        ResponseEntity<JsonNode> agency = api.post(district.township(), "/api/organisations", """
                {"organisationId":"a-%s","name":"a","kind":"PARTY_COMMITTEE","sector":"RURAL_VILLAGE",
                 "parentId":"%s","townshipId":"a-%s","agency":true}""".formatted(district.village(),
                district.township(), district.village()));
        assertThat(agency.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(agency.getBody().get("detail").asText()).isEqualTo("Only the district agency may register an "
                + "agency");
        assertThat(api.get(district.otherTownship(), "/api/organisations/" + district.village()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // An unknown organisation the body refers to makes the request invalid, naming the field; an unknown one in
        // the path is not found.
        ResponseEntity<JsonNode> underNowhere = api.post(district.township(), "/api/organisations", """
                {"organisationId":"b-%s","name":"b","kind":"BRANCH","sector":"RURAL_VILLAGE",
                 "parentId":"nowhere","townshipId":"t"}""".formatted(district.village()));
        assertThat(underNowhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(underNowhere.getBody().get("detail").asText()).isEqualTo("parentId: there is no organisation "
                + "nowhere");
        ResponseEntity<JsonNode> enrolNowhere = api.post(district.township(), "/api/members", """
                {"memberId":"n-%s","name":"李四","organisationId":"nowhere","category":"RETIRED"}"""
                .formatted(district.village()));
        assertThat(enrolNowhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(enrolNowhere.getBody().get("detail").asText())
                .isEqualTo("organisationId: there is no organisation nowhere");
        expect(201, api.post(district.township(), "/api/members", """
                {"memberId":"t-%s","name":"王五","organisationId":"%s","category":"RETIRED"}"""
                .formatted(district.village(), district.village())));
        before = api.storedEvents();
        ResponseEntity<JsonNode> transferNowhere = api.post(district.township(), "/api/members/t-"
                + district.village() + "/transfer", "{\"toOrganisationId\":\"nowhere\"}");
        assertThat(transferNowhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(transferNowhere.getBody().get("detail").asText())
                .isEqualTo("toOrganisationId: there is no organisation nowhere");
        ResponseEntity<JsonNode> moveNowhere = api.post(district.township(), "/api/organisations/"
                + district.village() + "/move", "{\"parentId\":\"nowhere\"}");
        assertThat(moveNowhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moveNowhere.getBody().get("detail").asText()).isEqualTo("parentId: there is no organisation "
                + "nowhere");
        ResponseEntity<JsonNode> missing = api.post(district.township(), "/api/organisations/nowhere/move",
                "{\"parentId\":\"" + district.township() + "\"}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("detail").asText()).isEqualTo("No organisation nowhere");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void duplicatesAndBadFieldsAreRefused() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> duplicate = api.post(district.township(), "/api/organisations", """
                {"organisationId":"%s","name":"again","kind":"BRANCH","sector":"RURAL_VILLAGE",
                 "parentId":"%s","townshipId":"%s"}""".formatted(district.village(), district.township(),
                district.township()));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> invalid = api.post(district.township(), "/api/organisations", """
                {"organisationId":"has space","kind":"BRANCH","townshipId":"t"}""");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("organisationId", "name", "sector");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void anOrganisationBelongsToItsParentsTownshipOrHeadsItsOwn() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> elsewhere = api.post(district.township(), "/api/organisations", """
                {"organisationId":"else-%s","name":"别处","kind":"BRANCH","sector":"RURAL_VILLAGE",
                 "parentId":"%s","townshipId":"%s"}""".formatted(district.village(), district.village(),
                district.otherTownship()));
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(elsewhere.getBody().get("detail").asText()).startsWith("townshipId: ")
                .contains(district.township(), district.otherTownship());
        ResponseEntity<JsonNode> topLevel = api.post(ApiClient.DISTRICT, "/api/organisations", """
                {"organisationId":"top-%s","name":"top","kind":"PARTY_COMMITTEE","sector":"GOVERNMENT_ORGAN",
                 "townshipId":"%s"}""".formatted(district.village(), district.township()));
        assertThat(topLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(topLevel.getBody().get("detail").asText()).isEqualTo("townshipId: a top-level organisation heads "
                + "a township of its own (top-" + district.village() + "), not " + district.township());
        assertThat(api.storedEvents()).isEqualTo(before);

        // A department under a township heads a township of its own, as the townships do under the district.
        api.register(ApiClient.DISTRICT, "dept-" + district.village(), district.township(), "PARTY_COMMITTEE",
                "GOVERNMENT_ORGAN", "dept-" + district.village(), true);
        assertThat(api.get(district.township(), "/api/organisations/dept-" + district.village()).getBody()
                .get("townshipId").asText()).isEqualTo("dept-" + district.village());
    }

    @Test
    void anOrganisationMovedToAnotherTownshipJoinsItWithItsSubtree() {
        String village = district.village();
        api.register(district.township(), "sub-" + village, village, "BRANCH", "RURAL_VILLAGE",
                district.township(), false);
        String pledge = api.pledge(district.township(), district.campaign(), "ORGANISATION", "sub-" + village,
                "2011-12-31");
        expect(204, api.post(ApiClient.DISTRICT, "/api/organisations/" + village + "/move",
                "{\"parentId\":\"" + district.otherTownship() + "\"}"));

        for (String moved : List.of(village, "sub-" + village)) {
            JsonNode entry = api.get(district.otherTownship(), "/api/organisations/" + moved).getBody();
            assertThat(entry.get("townshipId").asText()).as(moved).isEqualTo(district.otherTownship());
            assertThat(entry.get("agencyId").asText()).as(moved).isEqualTo(district.otherTownship());
        }
        // Its pledges follow it: the new agency acts on them, the former no longer does.
        JsonNode followed = expect(200, api.get(district.otherTownship(), "/api/pledges/" + pledge)).getBody();
        assertThat(followed.at("/pledge/path")).extracting(JsonNode::asText)
                .containsSubsequence(district.otherTownship(), village, "sub-" + village)
                .doesNotContain(district.township());
        expect(204, api.post(district.otherTownship(), "/api/pledges/" + pledge + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));
        assertThat(api.get(district.township(), "/api/pledges/" + pledge).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // A township stated for a move must be the new parent's (or the organisation's own).
        ResponseEntity<JsonNode> back = api.post(ApiClient.DISTRICT, "/api/organisations/" + village + "/move",
                "{\"parentId\":\"" + district.otherTownship() + "\",\"townshipId\":\"" + district.township()
                        + "\"}");
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void organisationsRegisteredBeforeTheTownshipRuleAreMovedIntoTheirParentsTownshipAtStartUp() {
        // As registered before the rule, when any township was taken: a village in a township that is not its
        // parent's, with a group in the same one.
        String village = "legacy-" + district.village();
        String group = "legacy-group-" + district.village();
        List<String> path = List.of(district.township(), village);
        commands.sendAndWait(new RosterCommands.RegisterOrganisation(village, "旧村", OrganisationKind.BRANCH,
                Sector.RURAL_VILLAGE, district.township(), "somewhere-else", district.township(), path),
                ActorMetaData.of(PledgeServiceApplication.SYSTEM, null));
        commands.sendAndWait(new RosterCommands.RegisterOrganisation(group, "旧组", OrganisationKind.BRANCH,
                Sector.RURAL_VILLAGE, village, "somewhere-else", district.township(),
                List.of(district.township(), village, group)),
                ActorMetaData.of(PledgeServiceApplication.SYSTEM, null));

        townshipRule.bringIntoLine();

        for (String id : List.of(village, group)) {
            assertThat(api.get(district.township(), "/api/organisations/" + id).getBody().get("townshipId").asText())
                    .as(id).isEqualTo(district.township());
        }
        long events = api.storedEvents();
        townshipRule.bringIntoLine();
        assertThat(api.storedEvents()).as("nothing more to move").isEqualTo(events);
    }

    @Test
    void anOrganisationBeingDeregisteredTakesNoOneInMeanwhile() throws Exception {
        String agency = district.township();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 12; i++) {
                String unit = "closing-" + i + "-" + district.village();
                api.register(agency, unit, agency, "BRANCH", "RURAL_VILLAGE", agency, false);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<ResponseEntity<JsonNode>> closed = both.submit(() -> {
                    start.await();
                    return api.post(agency, "/api/organisations/" + unit + "/deregistration", "{\"reason\":\"撤并\"}");
                });
                Future<ResponseEntity<JsonNode>> joined = both.submit(() -> {
                    start.await();
                    return api.post(agency, "/api/members", """
                            {"memberId":"m-%s","name":"新党员","organisationId":"%s","category":"FARMER"}"""
                            .formatted(unit, unit));
                });
                int deregistration = closed.get(30, TimeUnit.SECONDS).getStatusCode().value();
                int enrolment = joined.get(30, TimeUnit.SECONDS).getStatusCode().value();
                // One of the two wins: deregistered with nobody in it, or still registered with its new member.
                assertThat(List.of(deregistration, enrolment)).as(unit).isIn(List.of(204, 409), List.of(409, 201));
                JsonNode organisation = api.get(agency, "/api/organisations/" + unit).getBody();
                assertThat(organisation.get("active").asBoolean()).as(unit).isEqualTo(enrolment == 201);
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void movingAnOrganisationMovesItsSubtreeAndItsMembers() {
        String agency = district.township();
        api.register(agency, "sub-" + district.village(), district.village(), "BRANCH", "RURAL_VILLAGE", agency,
                false);
        expect(201, api.post(agency, "/api/members", """
                {"memberId":"n-%s","name":"王五","organisationId":"sub-%s","category":"NO_POST"}"""
                .formatted(district.village(), district.village())));
        expect(204, api.post(agency, "/api/organisations/" + district.village() + "/move",
                "{\"parentId\":\"" + district.otherVillage() + "\"}"));

        JsonNode sub = api.get(agency, "/api/organisations/sub-" + district.village()).getBody();
        assertThat(sub.get("path")).extracting(JsonNode::asText)
                .containsSubsequence(district.otherVillage(), district.village(), "sub-" + district.village());
        JsonNode member = api.get(agency, "/api/members/n-" + district.village()).getBody();
        assertThat(member.get("path")).extracting(JsonNode::asText).contains(district.otherVillage());

        // Nobody is left without an organisation: one with a member or a sub-organisation stays registered.
        long before = api.storedEvents();
        ResponseEntity<JsonNode> withMember = api.post(agency, "/api/organisations/sub-" + district.village()
                + "/deregistration", "{\"reason\":\"撤并\"}");
        assertThat(withMember.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(withMember.getBody().get("detail").asText()).contains("1 member(s) and 0 sub-organisation(s)");
        assertThat(api.post(agency, "/api/organisations/" + district.village() + "/deregistration",
                "{\"reason\":\"撤并\"}").getBody().get("detail").asText())
                .contains("0 member(s) and 1 sub-organisation(s)");
        assertThat(api.storedEvents()).isEqualTo(before);

        expect(204, api.post(agency, "/api/organisations/" + district.otherVillage() + "/name",
                "{\"name\":\"新村党支部\"}"));
        expect(204, api.post(agency, "/api/members/n-" + district.village() + "/transfer",
                "{\"toOrganisationId\":\"" + district.otherVillage() + "\"}"));
        expect(204, api.post(agency, "/api/members/n-" + district.village() + "/removal",
                "{\"reason\":\"迁出\"}"));
        expect(204, api.post(agency, "/api/organisations/sub-" + district.village() + "/deregistration",
                "{\"reason\":\"撤并\"}"));
        assertThat(api.get(agency, "/api/organisations/sub-" + district.village()).getBody()
                .get("active").asBoolean()).isFalse();
        assertThat(api.post(agency, "/api/members/n-" + district.village() + "/removal",
                "{\"reason\":\"again\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> returning = api.post(agency, "/api/members", """
                {"memberId":"n-%s","name":"回村","organisationId":"%s","category":"FARMER"}"""
                .formatted(district.village(), district.otherVillage()));
        assertThat(returning.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(returning.getBody().get("detail").asText()).isEqualTo("Member n-" + district.village()
                + " was enrolled before and has left the roster; a member who returns is enrolled under a new id");
        JsonNode list = api.get(agency, "/api/organisations?under=" + district.township()).getBody();
        assertThat(list.get("total").asLong()).isEqualTo(4);

        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(30), () -> {
                assertThat(reader.envelopes()).filteredOn(e -> e.aggregateId().equals(district.village()))
                        .extracting(e -> e.type()).containsExactly("OrganisationRegistered", "OrganisationMoved");
                assertThat(reader.envelopes()).filteredOn(e -> e.aggregateId().equals("sub-" + district.village()))
                        .extracting(e -> e.type()).containsExactly("OrganisationRegistered",
                                "OrganisationDeregistered");
                assertThat(reader.envelopes()).filteredOn(e -> e.aggregateId().equals(district.otherVillage()))
                        .extracting(e -> e.type()).containsExactly("OrganisationRegistered",
                                "OrganisationRenamed");
                assertThat(reader.envelopes()).filteredOn(e -> e.aggregateId().equals("n-" + district.village()))
                        .extracting(e -> e.type()).containsExactly("MemberEnrolled", "MemberTransferred",
                                "MemberLeft");
                assertThat(reader.envelopes()).filteredOn(e -> e.aggregateId().equals(district.campaign()))
                        .extracting(e -> e.type()).containsExactly("CampaignDefined");
            });
        }
    }
}
