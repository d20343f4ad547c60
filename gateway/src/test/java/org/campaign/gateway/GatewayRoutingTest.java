package org.campaign.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs the gateway on a random port in front of three stub backends (plain JDK HTTP servers on
 * loopback) that answer with their own name and echo what reached them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpServer PLEDGE = stubBackend("pledge");
    private static final HttpServer EVALUATION = stubBackend("evaluation");
    private static final HttpServer REPORTING = stubBackend("reporting");
    private static final TestTokens TOKENS = new TestTokens();
    private static final String BEARER = "Bearer " + TOKENS.token("routing-test", "district", "AGENCY_STAFF",
            "REVIEWER", "INSPECTION_GROUP", "LEADERSHIP", "AUDITOR", "ADMINISTRATOR");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("platform.services.pledge.uri", () -> baseUri(PLEDGE));
        registry.add("platform.services.evaluation.uri", () -> baseUri(EVALUATION));
        registry.add("platform.services.reporting.uri", () -> baseUri(REPORTING));
        registry.add("platform.access.issuer", () -> TestTokens.ISSUER);
        registry.add("platform.access.jwk-set-uri", TOKENS::keySetUri);
    }

    @AfterAll
    static void stopBackends() {
        PLEDGE.stop(0);
        EVALUATION.stop(0);
        REPORTING.stop(0);
        TOKENS.stop();
    }

    @Autowired
    private WebTestClient client;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/pledges, pledge",
            "/api/pledges/p-42, pledge",
            "/api/organisations/org-7/members, pledge",
            "/api/members/m-1, pledge",
            "/api/campaigns/2025/pledges, pledge",
            "/api/imports, pledge",
            "/api/imports/batch-3, pledge",
            "/api/exports/pledges.csv, pledge",
            "/api/reviews/r-9, evaluation",
            "/api/evaluations/e-1/scores, evaluation",
            "/api/assessments/a-1, evaluation",
            "/api/rectifications/x-5, evaluation",
            "/api/assignments/as-2, evaluation",
            "/api/reports/summary, reporting",
            "/api/audit/entries, reporting",
    })
    void eachPrefixReachesItsBackendWithPathAndQueryIntact(String path, String service) {
        client.get().uri(path + "?year=2025&page=2")
                .header("Authorization", BEARER)
                .header("X-Acting-User", "someone.else")
                .header("X-Acting-Roles", "ADMINISTRATOR")
                .header("X-Correlation-Id", "corr-" + service)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-" + service)
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.path").isEqualTo(path)
                .jsonPath("$.query").isEqualTo("year=2025&page=2")
                .jsonPath("$.authorization").isEqualTo(BEARER)
                .jsonPath("$.actingUser").doesNotExist()
                .jsonPath("$.actingRoles").doesNotExist()
                .jsonPath("$.correlationId").isEqualTo("corr-" + service);
    }

    @Test
    void postBodyAndHeadersArePassedThroughUnchanged() {
        String body = "{\"organisationId\":\"org-7\",\"title\":\"Serve the community\",\"items\":[1,2,3]}";
        client.post().uri("/api/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", BEARER)
                .header("X-Correlation-Id", "c0ffee-1234")
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "c0ffee-1234")
                .expectBody()
                .jsonPath("$.service").isEqualTo("pledge")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.path").isEqualTo("/api/pledges")
                .jsonPath("$.contentType").isEqualTo("application/json")
                .jsonPath("$.authorization").isEqualTo(BEARER)
                .jsonPath("$.correlationId").isEqualTo("c0ffee-1234")
                .jsonPath("$.body").isEqualTo(body);
    }

    @Test
    void correlationIdIsAddedWhenAbsent() throws IOException {
        var result = client.post().uri("/api/reviews/r-1/decisions")
                .contentType(MediaType.TEXT_PLAIN)
                .header("Authorization", BEARER)
                .bodyValue("approved")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        Map<?, ?> echoed = JSON.readValue(result.getResponseBodyContent(), Map.class);
        assertThat(echoed.get("service")).isEqualTo("evaluation");
        assertThat(echoed.get("body")).isEqualTo("approved");
        String generated = (String) echoed.get("correlationId");
        assertThat(generated).isNotBlank();
        assertThat(UUID.fromString(generated).toString()).isEqualTo(generated);
        assertThat(result.getResponseHeaders().getFirst("X-Correlation-Id")).isEqualTo(generated);

        // Each request without an id gets its own.
        client.get().uri("/api/reports/summary").header("Authorization", BEARER).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("reporting")
                .jsonPath("$.correlationId").value(id -> assertThat(id).isNotEqualTo(generated)
                        .satisfies(value -> UUID.fromString((String) value)));
    }

    @Test
    void unknownPathsAreNotRouted() {
        client.get().uri("/api/unknown/1").header("Authorization", BEARER).exchange().expectStatus().isNotFound();
        client.get().uri("/api/pledgesx").header("Authorization", BEARER).exchange().expectStatus().isNotFound();
        client.get().uri("/pledges/1").header("Authorization", BEARER).exchange().expectStatus().isNotFound();
    }

    @Test
    void healthIsExposed() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private static String baseUri(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A loopback HTTP server that answers every request with its name and what it received. */
    private static HttpServer stubBackend(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> echo(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start stub backend " + name, e);
        }
    }

    private static void echo(String name, HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, Object> echoed = new LinkedHashMap<>();
            echoed.put("service", name);
            echoed.put("method", exchange.getRequestMethod());
            echoed.put("path", exchange.getRequestURI().getRawPath());
            echoed.put("query", exchange.getRequestURI().getRawQuery());
            echoed.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            echoed.put("actingUser", exchange.getRequestHeaders().getFirst("X-Acting-User"));
            echoed.put("actingRoles", exchange.getRequestHeaders().getFirst("X-Acting-Roles"));
            echoed.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echoed.put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
            echoed.put("body", body);
            byte[] response = JSON.writeValueAsBytes(echoed);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }
}
