package org.campaign.pledging;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

/** Calls the pledge service's API as a given user of a given agency, and sets up a small district. */
@TestComponent
public class ApiClient {

    public static final String DISTRICT = "district";

    private final TestRestTemplate http;
    private final MongoTemplate mongo;

    ApiClient(TestRestTemplate http, MongoTemplate mongo) {
        this.http = http;
        this.mongo = mongo;
    }

    /** A fresh district: a township agency with two villages, and a second township agency. */
    public record District(String township, String village, String otherVillage, String otherTownship,
                           String campaign) {
    }

    public District district() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String root = "root-" + suffix;
        String township = "east-" + suffix;
        String otherTownship = "west-" + suffix;
        String campaign = "cxzy-" + suffix;
        expect(201, post(DISTRICT, "/api/campaigns", """
                {"campaignId":"%s","name":"创先争优","startsOn":"2010-06-01","endsOn":"2012-06-30",
                 "phases":[{"name":"动员部署","startsOn":"2010-06-01","endsOn":"2010-07-31"}]}"""
                .formatted(campaign)));
        register(DISTRICT, root, null, "PARTY_COMMITTEE", "GOVERNMENT_ORGAN", root, false);
        register(DISTRICT, township, root, "PARTY_COMMITTEE", "RURAL_VILLAGE", township, true);
        register(DISTRICT, otherTownship, root, "PARTY_COMMITTEE", "RURAL_VILLAGE", otherTownship, true);
        register(township, "v1-" + suffix, township, "BRANCH", "RURAL_VILLAGE", township, false);
        register(township, "v2-" + suffix, township, "BRANCH", "RURAL_VILLAGE", township, false);
        return new District(township, "v1-" + suffix, "v2-" + suffix, otherTownship, campaign);
    }

    public void register(String agency, String id, String parent, String kind, String sector, String township,
                         boolean isAgency) {
        expect(201, post(agency, "/api/organisations", """
                {"organisationId":"%s","name":"%s党组织","kind":"%s","sector":"%s","parentId":%s,
                 "townshipId":"%s","agency":%s}""".formatted(id, id, kind, sector,
                parent == null ? "null" : "\"" + parent + "\"", township, isAgency)));
    }

    public String pledge(String agency, String campaign, String pledgerType, String pledgerId, String deadline) {
        ResponseEntity<JsonNode> made = post(agency, "/api/pledges", """
                {"campaignId":"%s","pledger":{"type":"%s","id":"%s"},"kind":"PRACTICAL_DEED",
                 "focus":"PUBLIC_WISHES","title":"硬化村道","target":{"quantity":3,"unit":"公里"},
                 "deadline":"%s"}""".formatted(campaign, pledgerType, pledgerId, deadline));
        expect(201, made);
        return made.getBody().get("pledgeId").asText();
    }

    public ResponseEntity<JsonNode> post(String agency, String path, String body) {
        return exchange(HttpMethod.POST, agency, path, body, null);
    }

    public ResponseEntity<JsonNode> post(String agency, String path, String body, String ifMatch) {
        return exchange(HttpMethod.POST, agency, path, body, ifMatch);
    }

    public ResponseEntity<JsonNode> get(String agency, String path) {
        return exchange(HttpMethod.GET, agency, path, null, null);
    }

    public ResponseEntity<String> getText(String agency, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(agency, null)), String.class);
    }

    public long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }

    public static ResponseEntity<JsonNode> expect(int status, ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().value() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response;
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String agency, String path, String body,
                                              String ifMatch) {
        return http.exchange(path, method, new HttpEntity<>(body, headers(agency, ifMatch)), JsonNode.class);
    }

    private static HttpHeaders headers(String agency, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Acting-User", "clerk-of-" + agency);
        headers.set("X-Acting-Agency", agency);
        if (ifMatch != null) {
            headers.setIfMatch("*".equals(ifMatch) ? ifMatch : "\"" + ifMatch + "\"");
        }
        return headers;
    }
}
