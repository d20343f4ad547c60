package org.campaign.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls the running stack through its gateway as one of the demo client systems, with real tokens. */
public final class StackClient {

    /** The demo client systems and their secrets, as configured in the auth server. */
    static final Map<String, String> SECRETS = Map.of(
            "east-township-system", "east-demo-secret",
            "west-township-system", "west-demo-secret",
            "review-tool", "review-demo-secret",
            "inspection-tool", "inspection-demo-secret",
            "leadership-dashboard", "leadership-demo-secret",
            "audit-tool", "audit-demo-secret",
            "district-admin-tool", "admin-demo-secret",
            "short-lived-demo", "short-demo-secret");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public StackClient(LocalStack stack) {
        this.stack = stack;
    }

    /** A pledge deadline the lapse check will not reach while the tests run: the end of next year. */
    public static LocalDate deadlineBeyondTheTests() {
        return LocalDate.now().plusYears(1).withMonth(12).withDayOfMonth(31);
    }

    /** A fresh access token for a demo client (client credentials grant). */
    String newToken(String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + SECRETS.get(clientId))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.issuerUrl()
                        + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + clientId + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    public String token(String clientId) throws Exception {
        String token = tokens.get(clientId);
        if (token == null) {
            token = newToken(clientId);
            tokens.put(clientId, token);
        }
        return token;
    }

    HttpResponse<String> post(String clientId, String path, String body) throws Exception {
        return send("POST", clientId == null ? null : token(clientId), path, body);
    }

    HttpResponse<String> get(String clientId, String path) throws Exception {
        return send("GET", clientId == null ? null : token(clientId), path, null);
    }

    public HttpResponse<String> send(String method, String token, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
