package org.campaign.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * The walking skeleton end to end, as a user sees it: pledges made and fulfilled through the gateway show up in
 * the district statistics. Runs the real launcher stack — embedded Kafka and MongoDB, the four packaged services.
 */
class LocalStackEndToEndTest {

    static final ObjectMapper JSON = StackClient.JSON;

    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void startStack() throws Exception {
        stack = SharedStack.get();
        client = new StackClient(stack);
    }

    @Test
    void pledgesMadeAndFulfilledThroughTheGatewayReachTheDistrictSummary() throws Exception {
        created(post("district-admin-tool", "/api/campaigns", """
                {"campaignId":"cxzy-2011","name":"创先争优","startsOn":"2010-06-01","endsOn":"2012-06-30"}"""));
        // The district and the township may already be registered by another test on this stack.
        registerIfNew("district-admin-tool", "district-committee", null, "PARTY_COMMITTEE", "GOVERNMENT_ORGAN",
                false);
        registerIfNew("district-admin-tool", "east-township", "district-committee", "PARTY_COMMITTEE",
                "RURAL_VILLAGE", true);
        register("east-township-system", "willow-village", "east-township", "BRANCH", "RURAL_VILLAGE", false);
        register("east-township-system", "river-community", "east-township", "BRANCH", "URBAN_COMMUNITY", false);

        String first = makePledge("willow-village");
        makePledge("willow-village");
        makePledge("river-community");
        assertThat(post("east-township-system", "/api/pledges/" + first + "/approval", "{\"approvedOn\":\"2011-07-05\"}")
                .statusCode()).isEqualTo(204);
        assertThat(post("east-township-system", "/api/pledges/" + first + "/fulfilment",
                "{\"fulfilledOn\":\"2011-10-08\",\"evidence\":\"村道已硬化\"}").statusCode()).isEqualTo(204);
        // The evaluation service learns of the campaign and of willow-village from the pledge service's events: until
        // then it answers 409 and stores nothing, so the assignment and the review are simply sent again.
        eventually(Duration.ofSeconds(60), () -> created(post("district-admin-tool", "/api/assignments", """
                {"campaignId":"cxzy-2011","reviewerId":"review-tool","kind":"LEADER",
                 "organisationIds":["willow-village"]}""")));
        eventually(Duration.ofSeconds(60), () -> created(post("review-tool", "/api/reviews", """
                {"campaignId":"cxzy-2011","round":"2011-R1","subjectType":"ORGANISATION",
                 "subjectId":"willow-village","organisationId":"willow-village","rating":"EXCELLENT",
                 "strengths":"承诺践诺到位"}""")));

        eventually(Duration.ofSeconds(60), () -> {
            JsonNode summary = JSON.readTree(client.get("leadership-dashboard",
                    "/api/reports/pledges/summary?campaignId=cxzy-2011").body());
            assertThat(summary.get("made").asLong()).isEqualTo(3);
            assertThat(summary.get("fulfilled").asLong()).isEqualTo(1);
            assertThat(summary.get("fulfilmentRate").asDouble()).isEqualTo(33.3);
            assertThat(summary.at("/reviews/recorded").asLong()).isEqualTo(1);
        });
    }

    @Test
    void badInputThroughTheGatewayIsAProblem() throws Exception {
        HttpResponse<String> response = post("east-township-system", "/api/pledges", "{\"title\":\"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private void register(String clientId, String id, String parent, String kind, String sector, boolean isAgency)
            throws Exception {
        created(registration(clientId, id, parent, kind, sector, isAgency));
    }

    private void registerIfNew(String clientId, String id, String parent, String kind, String sector,
                               boolean isAgency) throws Exception {
        HttpResponse<String> response = registration(clientId, id, parent, kind, sector, isAgency);
        assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
    }

    private HttpResponse<String> registration(String clientId, String id, String parent, String kind,
                                              String sector, boolean isAgency) throws Exception {
        return post(clientId, "/api/organisations", """
                {"organisationId":"%s","name":"%s","kind":"%s","sector":"%s","parentId":%s,
                 "townshipId":"%s","agency":%s}""".formatted(id, id, kind, sector,
                parent == null ? "null" : "\"" + parent + "\"", parent == null ? id : "east-township", isAgency));
    }

    private String makePledge(String organisation) throws Exception {
        HttpResponse<String> response = created(post("east-township-system", "/api/pledges", """
                {"campaignId":"cxzy-2011","pledger":{"type":"ORGANISATION","id":"%s"},
                 "kind":"PRACTICAL_DEED","focus":"PUBLIC_WISHES","title":"为群众办实事",
                 "deadline":"%s"}""".formatted(organisation, StackClient.deadlineBeyondTheTests())));
        return JSON.readTree(response.body()).get("pledgeId").asText();
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private HttpResponse<String> post(String clientId, String path, String body) throws Exception {
        return client.post(clientId, path, body);
    }
}
