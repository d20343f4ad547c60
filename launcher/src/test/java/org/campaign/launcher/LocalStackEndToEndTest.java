package org.campaign.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * The walking skeleton end to end, as a user sees it: pledges made and fulfilled through the gateway show up in
 * the district statistics. Runs the real launcher stack — embedded Kafka and MongoDB, the four packaged services.
 */
class LocalStackEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "e2e-data").toAbsolutePath();
        deleteRecursively(data);
        stack = LocalStack.start(root, data, new LocalStack.Ports(freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort()));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void pledgesMadeAndFulfilledThroughTheGatewayReachTheDistrictSummary() throws Exception {
        String first = makePledge("RURAL_VILLAGE", "township-east");
        makePledge("RURAL_VILLAGE", "township-west");
        makePledge("URBAN_COMMUNITY", "street-central");
        HttpResponse<String> fulfilled = post("/api/pledges/" + first + "/fulfilment",
                "{\"fulfilledOn\":\"2011-10-08\",\"evidence\":\"村道已硬化\"}");
        assertThat(fulfilled.statusCode()).isEqualTo(204);
        HttpResponse<String> review = post("/api/reviews", """
                {"campaignId":"cxzy-2011","round":"2011-H1","subjectType":"ORGANISATION","subjectId":"org-1",
                 "organisationId":"org-1","rating":"EXCELLENT","strengths":"承诺践诺到位"}""");
        assertThat(review.statusCode()).isEqualTo(201);

        eventually(Duration.ofSeconds(60), () -> {
            JsonNode summary = JSON.readTree(get("/api/reports/pledges/summary").body());
            assertThat(summary.get("made").asLong()).isEqualTo(3);
            assertThat(summary.get("fulfilled").asLong()).isEqualTo(1);
            assertThat(summary.get("fulfilmentRate").asDouble()).isEqualTo(33.3);
            assertThat(summary.at("/reviews/recorded").asLong()).isEqualTo(1);
        });
    }

    @Test
    void badInputThroughTheGatewayIsAProblem() throws Exception {
        HttpResponse<String> response = post("/api/pledges", "{\"title\":\"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private String makePledge(String sector, String township) throws Exception {
        HttpResponse<String> response = post("/api/pledges", """
                {"campaignId":"cxzy-2011",
                 "pledger":{"type":"ORGANISATION","id":"org-%1$s","organisationId":"org-%1$s",
                            "sector":"%2$s","townshipId":"%1$s"},
                 "kind":"WORK","focus":"CENTRAL_WORK","title":"为群众办实事",
                 "deadline":"2011-12-31"}""".formatted(township, sector));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("pledgeId").asText();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .header("X-Acting-User", "clerk-1")
                .header("X-Acting-Agency", "agency-east")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
