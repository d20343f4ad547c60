package org.campaign.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.campaign.contracts.Topics;
import org.campaign.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * Every route × every role through the real gateway against the running services: no token, a forged, expired
 * or foreign token → 401; a role the route is not for → 403; another agency's records → 403 — and for all of the
 * refused writes together, proof that nothing reached an event store or Kafka.
 */
class AccessMatrixTest {

    static final Map<String, String> CLIENT_OF_ROLE = Map.of(
            "AGENCY_STAFF", "east-township-system",
            "REVIEWER", "review-tool",
            "INSPECTION_GROUP", "inspection-tool",
            "LEADERSHIP", "leadership-dashboard",
            "AUDITOR", "audit-tool",
            "ADMINISTRATOR", "district-admin-tool");

    record Route(String method, String path, String body, Set<String> roles) {

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static LocalStack stack;
    static StackClient client;
    static String pledgeId;
    static List<Route> routes;

    @BeforeAll
    static void setUp() throws Exception {
        stack = SharedStack.get();
        client = new StackClient(stack);
        created(client.post("district-admin-tool", "/api/campaigns", """
                {"campaignId":"matrix-2011","name":"创先争优","startsOn":"2010-06-01","endsOn":"2012-06-30"}"""));
        created(client.post("district-admin-tool", "/api/organisations", """
                {"organisationId":"matrix-district","name":"区委","kind":"PARTY_COMMITTEE",
                 "sector":"GOVERNMENT_ORGAN","townshipId":"matrix-district"}"""));
        for (String township : List.of("east-township", "west-township")) {
            HttpResponse<String> registered = client.post("district-admin-tool", "/api/organisations", """
                    {"organisationId":"%s","name":"%s","kind":"PARTY_COMMITTEE","sector":"RURAL_VILLAGE",
                     "parentId":"matrix-district","townshipId":"%s","agency":true}"""
                    .formatted(township, township, township));
            assertThat(registered.statusCode()).as(registered.body()).isIn(201, 409);
        }
        created(client.post("east-township-system", "/api/organisations", """
                {"organisationId":"matrix-village","name":"矩阵村党支部","kind":"BRANCH","sector":"RURAL_VILLAGE",
                 "parentId":"east-township","townshipId":"east-township"}"""));
        pledgeId = StackClient.JSON.readTree(created(client.post("east-township-system", "/api/pledges",
                pledge("matrix-village"))).body()).get("pledgeId").asText();

        Set<String> all = CLIENT_OF_ROLE.keySet();
        routes = List.of(
                new Route("GET", "/api/campaigns", null, all),
                new Route("POST", "/api/campaigns", """
                        {"campaignId":"c-%s","name":"x","startsOn":"2013-01-01","endsOn":"2014-12-31"}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 8)), Set.of("ADMINISTRATOR")),
                new Route("GET", "/api/organisations", null, Set.of("AGENCY_STAFF", "ADMINISTRATOR")),
                new Route("POST", "/api/organisations", """
                        {"organisationId":"m-%s","name":"x","kind":"BRANCH","sector":"RURAL_VILLAGE",
                         "parentId":"matrix-village","townshipId":"east-township"}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 8)),
                        Set.of("AGENCY_STAFF", "ADMINISTRATOR")),
                new Route("POST", "/api/members", """
                        {"memberId":"mm-1","name":"赵六","organisationId":"matrix-village","category":"FARMER"}""",
                        Set.of("AGENCY_STAFF")),
                new Route("GET", "/api/members", null, Set.of("AGENCY_STAFF")),
                new Route("POST", "/api/pledges", pledge("matrix-village"), Set.of("AGENCY_STAFF")),
                new Route("GET", "/api/pledges", null, Set.of("AGENCY_STAFF")),
                new Route("POST", "/api/pledges/" + pledgeId + "/approval", "{\"approvedOn\":\"2011-07-05\"}",
                        Set.of("AGENCY_STAFF")),
                new Route("GET", "/api/exports/pledges.csv", null, Set.of("AGENCY_STAFF")),
                new Route("GET", "/api/audit/pledge-service/chains/" + pledgeId, null, Set.of("AUDITOR")),
                new Route("GET", "/api/audit/history/" + pledgeId, null, Set.of("AUDITOR")),
                new Route("GET", "/api/audit/records?q=" + pledgeId, null, Set.of("AUDITOR")),
                new Route("GET", "/api/reports/pledges/summary", null,
                        Set.of("LEADERSHIP", "AUDITOR", "ADMINISTRATOR")),
                new Route("GET", "/api/reports/organisations", null,
                        Set.of("LEADERSHIP", "AUDITOR", "ADMINISTRATOR")),
                new Route("GET", "/api/reports/rebuilds", null, Set.of("ADMINISTRATOR")),
                new Route("POST", "/api/assignments", "{}", Set.of("ADMINISTRATOR")),
                new Route("POST", "/api/reviews", "{}", Set.of("REVIEWER")),
                new Route("POST", "/api/reviews/r-1/rectification/commitment", "{}", Set.of("AGENCY_STAFF")),
                new Route("GET", "/api/reviews", null,
                        Set.of("REVIEWER", "AGENCY_STAFF", "INSPECTION_GROUP", "ADMINISTRATOR")),
                new Route("POST", "/api/evaluations", "{}", Set.of("INSPECTION_GROUP", "ADMINISTRATOR")),
                new Route("GET", "/api/evaluations", null, Set.of("INSPECTION_GROUP", "ADMINISTRATOR")),
                new Route("POST", "/api/assessments", "{}", Set.of("INSPECTION_GROUP", "ADMINISTRATOR")),
                new Route("GET", "/api/rectifications", null, Set.of("INSPECTION_GROUP", "ADMINISTRATOR")),
                new Route("POST", "/api/rectifications/l-1/final-check", "{}",
                        Set.of("INSPECTION_GROUP", "ADMINISTRATOR")),
                new Route("POST", "/api/rectifications/l-1/progress", "{}",
                        Set.of("INSPECTION_GROUP", "ADMINISTRATOR", "REVIEWER", "AGENCY_STAFF")),
                new Route("GET", "/api/rectifications/l-1", null,
                        Set.of("INSPECTION_GROUP", "ADMINISTRATOR", "REVIEWER", "AGENCY_STAFF")));
    }

    @Test
    void everyRefusedRequestIsRefusedAndNoRefusedWriteLeavesATrace() throws Exception {
        String expired = expiredToken();
        String forged = selfSigned(stack.issuerUrl());
        String foreign = selfSigned("http://issuer.elsewhere.example");
        // Publication follows the stores: once the set-up's last record is on Kafka, the count is a stable start.
        awaitPublished(Topics.PLEDGE_EVENTS, pledgeId);
        long eventsBefore = storedEvents();
        long recordsBefore = publishedRecords();

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            expect(wrong, route, "no token", null, 401);
            expect(wrong, route, "forged token", forged, 401);
            expect(wrong, route, "expired token", expired, 401);
            expect(wrong, route, "foreign issuer", foreign, 401);
            for (var role : CLIENT_OF_ROLE.entrySet()) {
                if (!route.roles().contains(role.getKey())) {
                    expect(wrong, route, role.getKey(), client.token(role.getValue()), 403);
                }
            }
        }
        HttpResponse<String> crossAgency = client.post("west-township-system", "/api/pledges",
                pledge("matrix-village"));
        if (crossAgency.statusCode() != 403) {
            wrong.add("cross-agency pledge: " + crossAgency.statusCode() + " " + crossAgency.body());
        }
        HttpResponse<String> crossApproval = client.post("west-township-system",
                "/api/pledges/" + pledgeId + "/approval", "{\"approvedOn\":\"2011-07-05\"}");
        if (crossApproval.statusCode() != 403) {
            wrong.add("cross-agency approval: " + crossApproval.statusCode() + " " + crossApproval.body());
        }
        assertThat(wrong).isEmpty();

        assertThat(storedEvents()).as("events in the stores").isEqualTo(eventsBefore);

        // Each service publishes its events in the order stored: one permitted write each, once on Kafka, shows that
        // nothing else reached it meanwhile.
        String marker = StackClient.JSON.readTree(created(client.post("east-township-system", "/api/pledges",
                pledge("matrix-village"))).body()).get("pledgeId").asText();
        // (The evaluation service learns of the campaign from the pledge topic: until then it answers 409.)
        AtomicReference<HttpResponse<String>> assigned = new AtomicReference<>();
        eventually(Duration.ofSeconds(30), () -> assigned.set(created(client.post("district-admin-tool",
                "/api/assignments", """
                {"campaignId":"matrix-2011","reviewerId":"matrix-reviewer","kind":"LEADER",
                 "organisationIds":["matrix-village"]}"""))));
        String assignment = StackClient.JSON.readTree(assigned.get().body()).get("assignmentId").asText();
        awaitPublished(Topics.PLEDGE_EVENTS, marker);
        awaitPublished(Topics.EVALUATION_EVENTS, assignment);
        assertThat(publishedRecords()).as("records on Kafka").isEqualTo(recordsBefore + 2);
        assertThat(storedEvents()).as("events in the stores").isEqualTo(eventsBefore + 2);
    }

    @Test
    void everyRoleReachesItsOwnRoutes() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (String role : route.roles()) {
                HttpResponse<String> response = client.send(route.method(), client.token(CLIENT_OF_ROLE.get(role)),
                        route.path(), route.body());
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    wrong.add(route + " as " + role + ": " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aServiceCalledDirectlyTrustsNoIdentityHeadersAndAppliesItsOwnRules() throws Exception {
        for (String service : List.of("pledge-service/api/pledges", "evaluation-service/api/rectifications",
                "reporting-service/api/reports/pledges/summary")) {
            String name = service.substring(0, service.indexOf('/'));
            String path = service.substring(name.length());
            assertThat(direct(name, path, null, true).statusCode()).as(service + " with identity headers")
                    .isEqualTo(401);
        }
        assertThat(direct("reporting-service", "/api/reports/pledges/summary",
                client.token(CLIENT_OF_ROLE.get("AGENCY_STAFF")), false).statusCode()).isEqualTo(403);
        assertThat(direct("reporting-service", "/api/reports/pledges/summary",
                client.token(CLIENT_OF_ROLE.get("LEADERSHIP")), false).statusCode()).isEqualTo(200);
        assertThat(direct("reporting-service", "/api/reports/rebuilds",
                client.token(CLIENT_OF_ROLE.get("LEADERSHIP")), false).statusCode()).isEqualTo(403);
        assertThat(direct("reporting-service", "/api/audit/history/" + pledgeId,
                client.token(CLIENT_OF_ROLE.get("LEADERSHIP")), false).statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> direct(String service, String path, String token, boolean identityHeaders)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path)).GET();
        if (identityHeaders) {
            request.header("X-Acting-User", "intruder").header("X-Acting-Agency", "east-township");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(List<String> wrong, Route route, String as, String token, int status)
            throws Exception {
        HttpResponse<String> response = client.send(route.method(), token, route.path(), route.body());
        if (response.statusCode() != status) {
            wrong.add(route + " with " + as + ": expected " + status + " but got " + response.statusCode());
        }
    }

    private static String expiredToken() throws Exception {
        String token = client.newToken("short-lived-demo");
        eventually(Duration.ofSeconds(30), () -> assertThat(client.send("GET", token, "/api/pledges", null)
                .statusCode()).isEqualTo(401));
        return token;
    }

    private static String selfSigned(String issuer) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("intruder")
                .claim("client_id", "intruder").claim("agency", "district")
                .claim("roles", List.copyOf(CLIENT_OF_ROLE.keySet()))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static long storedEvents() {
        try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            return mongo.getDatabase("pledge").getCollection("domainevents").countDocuments()
                    + mongo.getDatabase("evaluation").getCollection("domainevents").countDocuments();
        }
    }

    private static void awaitPublished(String topic, String aggregateId) {
        try (TopicReader reader = TopicReader.of(stack.kafkaBootstrapServers(), topic)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(reader.envelopes())
                    .anyMatch(envelope -> envelope.aggregateId().equals(aggregateId)));
        }
    }

    private static long publishedRecords() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.PLEDGE_EVENTS, Topics.EVALUATION_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static String pledge(String organisation) {
        return """
                {"campaignId":"matrix-2011","pledger":{"type":"ORGANISATION","id":"%s"},"kind":"WORK",
                 "focus":"CENTRAL_WORK","title":"完成年度目标","deadline":"%s"}"""
                .formatted(organisation, StackClient.deadlineBeyondTheTests());
    }

}
