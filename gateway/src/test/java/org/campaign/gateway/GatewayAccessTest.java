package org.campaign.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in and limits at the gateway: tokens, roles, rate, size, headers and origins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.access.rate-limit.per-second=1", "platform.access.rate-limit.burst=3",
        "platform.access.max-body-bytes=1000"})
class GatewayAccessTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final HttpServer BACKEND = backend();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("platform.services.pledge.uri", () -> uri);
        registry.add("platform.services.evaluation.uri", () -> uri);
        registry.add("platform.services.reporting.uri", () -> uri);
        registry.add("platform.access.issuer", () -> TestTokens.ISSUER);
        registry.add("platform.access.jwk-set-uri", TOKENS::keySetUri);
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
        TOKENS.stop();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aCallWithoutAValidTokenIsUnauthorised() {
        status(null, "/api/pledges", 401);
        status(TOKENS.forged("c1", "east", "AGENCY_STAFF"), "/api/pledges", 401);
        status(TOKENS.expired("c2", "east", "AGENCY_STAFF"), "/api/pledges", 401);
        status(TOKENS.fromAnotherIssuer("c3", "east", "AGENCY_STAFF"), "/api/pledges", 401);
        client.get().uri("/api/pledges").exchange().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void eachRoleReachesOnlyItsRoutes() {
        status(TOKENS.token("c4", "east", "AGENCY_STAFF"), "/api/pledges", 200);
        status(TOKENS.token("c5", "east", "AGENCY_STAFF"), "/api/reports/pledges/summary", 403);
        status(TOKENS.token("c6", "district", "LEADERSHIP"), "/api/reports/pledges/summary", 200);
        status(TOKENS.token("c7", "district", "LEADERSHIP"), "/api/pledges", 403);
        status(TOKENS.token("c8", "district", "AUDITOR"), "/api/audit/history/p-1", 200);
        status(TOKENS.token("c9", "district", "REVIEWER"), "/api/audit/history/p-1", 403);
        client.post().uri("/api/campaigns").header("Authorization", "Bearer "
                        + TOKENS.token("c10", "east", "AGENCY_STAFF"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();
        status(TOKENS.token("c11", "east", "AGENCY_STAFF"), "/api/campaigns", 200);
    }

    @Test
    void aClientCallingTooFastIsToldWhenToRetry() {
        String token = TOKENS.token("busy-client", "east", "AGENCY_STAFF");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 6; i++) {
            var result = client.get().uri("/api/pledges").header("Authorization", "Bearer " + token).exchange()
                    .returnResult(String.class);
            if (result.getStatus().value() == 429) {
                limited++;
                retryAfter = result.getResponseHeaders().getFirst("Retry-After");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(2);
        assertThat(retryAfter).isNotNull();
        status(TOKENS.token("calm-client", "east", "AGENCY_STAFF"), "/api/pledges", 200);
    }

    @Test
    void anOversizedBodyIsRefused() {
        client.post().uri("/api/pledges").header("Authorization", "Bearer "
                        + TOKENS.token("c12", "east", "AGENCY_STAFF"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"" + "x".repeat(2000) + "\"}")
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void responsesCarrySecurityHeadersAndOnlyTheWebAppsOriginMayCallFromABrowser() {
        client.get().uri("/api/pledges").header("Authorization", "Bearer "
                        + TOKENS.token("c13", "east", "AGENCY_STAFF")).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Content-Security-Policy");
        client.options().uri("/api/pledges").header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8080");
        client.options().uri("/api/pledges").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden();
    }

    private void status(String token, String path, int expected) {
        var request = client.get().uri(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        request.exchange().expectStatus().isEqualTo(expected);
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = "{}".getBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
