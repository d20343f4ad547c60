package org.campaign.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser app is served by the gateway from the web-app jar without a token — the start page, every module it
 * imports, ECharts from its WebJar and the sign-in settings — while the API still needs one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWebAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestTokens TOKENS = new TestTokens();
    private static final Pattern IMPORT = Pattern.compile("(?:import|export)\\s[^;]*?from\\s+'([^']+)'|import\\('([^']+)'\\)");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.services.pledge.uri", () -> "http://127.0.0.1:9");
        registry.add("platform.services.evaluation.uri", () -> "http://127.0.0.1:9");
        registry.add("platform.services.reporting.uri", () -> "http://127.0.0.1:9");
        registry.add("platform.access.issuer", () -> "http://localhost:9123/realms/campaign");
        registry.add("platform.access.jwk-set-uri", TOKENS::keySetUri);
    }

    @AfterAll
    static void stop() {
        TOKENS.stop();
    }

    @Autowired
    WebTestClient client;

    @Test
    void theStartPageIsServedWithoutATokenUnderTheSecurityHeaders() {
        for (String path : new String[] {"/", "/index.html"}) {
            String page = client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; "
                            + "connect-src 'self' http://localhost:9123; frame-ancestors 'none'")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
        }
        client.get().uri("/app/callback.html").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("/app/callback.js"));
    }

    @Test
    void everyModuleTheAppImportsIsServedIncludingEChartsFromItsWebJar() {
        WebTestClient client = this.client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        Set<String> served = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add("/app/main.js");
        pending.add("/app/callback.js");
        while (!pending.isEmpty()) {
            String path = pending.poll();
            if (!served.add(path)) {
                continue;
            }
            var result = client.get().uri(path).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult();
            assertThat(result.getResponseHeaders().getContentType()).as(path).isNotNull();
            assertThat(result.getResponseHeaders().getContentType().toString()).as(path).contains("javascript");
            if (path.startsWith("/webjars/")) {
                continue;
            }
            Matcher imports = IMPORT.matcher(new String(result.getResponseBody(), StandardCharsets.UTF_8));
            while (imports.find()) {
                String target = imports.group(1) != null ? imports.group(1) : imports.group(2);
                pending.add(target.startsWith("/") ? target
                        : java.net.URI.create("http://app" + path).resolve(target).getPath());
            }
        }
        assertThat(served).contains("/app/views/dashboard.js", "/app/views/agency.js", "/app/i18n/en.js",
                "/app/vendor/echarts.js");
        assertThat(served).anyMatch(path -> path.matches("/webjars/echarts/[0-9.]+/dist/echarts\\.esm\\.min\\.js"));
        client.get().uri("/app/app.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void theVendorModuleNamesTheEChartsVersionOfTheBuild() throws IOException {
        String vendor = new ClassPathResource("META-INF/resources/app/vendor/echarts.js")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(vendor).doesNotContain("@echarts.version@").containsPattern("/webjars/echarts/[0-9.]+/dist/");
    }

    @Test
    void theAppLearnsWhereToSignInFromTheGateway() throws IOException {
        byte[] body = client.get().uri("/app/config.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().returnResult().getResponseBody();
        JsonNode config = JSON.readTree(body);
        assertThat(config.get("issuer").asText()).isEqualTo("http://localhost:9123/realms/campaign");
        assertThat(config.get("clientId").asText()).isEqualTo("campaign-web");
        assertThat(config.get("scope").asText()).isEqualTo("openid profile");
    }

    @Test
    void theApiStillNeedsAToken() {
        client.get().uri("/api/pledges").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Connection", "close");
        client.get().uri("/api/reports/stream").exchange().expectStatus().isUnauthorized();
        client.post().uri("/app/main.js").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }
}
