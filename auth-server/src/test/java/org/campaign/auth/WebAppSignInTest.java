package org.campaign.auth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser app needs from the sign-in server: its callback accepted as redirect URI (on 127.0.0.1 with any
 * port), cross-origin calls to the discovery and token endpoints from the app's origin, and a way back after
 * signing out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.auth.issuer=http://localhost:9000",
                "campaign.auth.key-file=target/test-keys/signing-key.json"})
class WebAppSignInTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @LocalServerPort
    int port;
    @Autowired
    RegisteredClientRepository clients;

    @Test
    void theWebAppIsRegisteredWithItsCallbackAndSignedOutPage() {
        RegisteredClient web = clients.findByClientId("campaign-web");
        assertThat(web.getRedirectUris()).containsExactlyInAnyOrder(
                "http://localhost:8080/app/callback.html", "http://127.0.0.1:8080/app/callback.html");
        assertThat(web.getPostLogoutRedirectUris()).containsExactlyInAnyOrder(
                "http://localhost:8080/", "http://127.0.0.1:8080/");
    }

    @Test
    void theCallbackOnTheLoopbackAddressIsAcceptedOnAnyPortAndAForeignOneIsRefused() throws Exception {
        HttpResponse<String> loopback = authorize("http://127.0.0.1:41234/app/callback.html");
        assertThat(loopback.statusCode()).isEqualTo(302);
        assertThat(loopback.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(authorize("http://localhost:8080/app/callback.html").statusCode()).isEqualTo(302);
        assertThat(authorize("http://evil.example/app/callback.html").statusCode()).isEqualTo(400);
        assertThat(authorize("http://127.0.0.1:41234/somewhere-else").statusCode()).isEqualTo(400);
    }

    @Test
    void theAppsOriginMayCallTheDiscoveryAndTokenEndpointsFromThePage() throws Exception {
        String origin = "http://127.0.0.1:41234";
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(local("/.well-known/openid-configuration"))
                .header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(discovery.body()).contains("\"end_session_endpoint\"");

        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(local("/oauth2/token"))
                .header("Origin", origin).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=unknown"
                        + "&client_id=campaign-web&code_verifier=x&redirect_uri="
                        + URLEncoder.encode(origin + "/app/callback.html", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);

        HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(local("/.well-known/openid-configuration"))
                .header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void afterSigningOutTheBrowserMayReturnToTheAppOnTheLoopbackAddressWithAnyPort() {
        RegisteredClient web = clients.findByClientId("campaign-web");
        assertThat(LoopbackLogoutRedirects.allowed("http://localhost:8080/", web)).isTrue();
        assertThat(LoopbackLogoutRedirects.allowed("http://127.0.0.1:41234/", web)).isTrue();
        assertThat(LoopbackLogoutRedirects.allowed("http://localhost:41234/", web)).isFalse();
        assertThat(LoopbackLogoutRedirects.allowed("http://127.0.0.1:41234/elsewhere", web)).isFalse();
        assertThat(LoopbackLogoutRedirects.allowed("http://evil.example/", web)).isFalse();
    }

    private HttpResponse<String> authorize(String redirectUri) throws Exception {
        String query = "response_type=code&client_id=campaign-web&scope=openid%20profile&state=s1"
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(local("/oauth2/authorize?" + query)).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
