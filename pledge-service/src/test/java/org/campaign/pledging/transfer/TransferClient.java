package org.campaign.pledging.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/** Uploads CSV files and downloads exports as a clerk of a given agency, and waits for imports to finish. */
final class TransferClient {

    static final String BOM = "\uFEFF";

    private final TestRestTemplate http;

    TransferClient(TestRestTemplate http) {
        this.http = http;
    }

    ResponseEntity<JsonNode> upload(String agency, String kind, String csv) {
        return upload(agency, kind, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    ResponseEntity<JsonNode> upload(String agency, String kind, byte[] body, String contentType) {
        HttpHeaders headers = headers(agency);
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return http.exchange("/api/imports/" + kind, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> job(String agency, String location) {
        return http.exchange(location, HttpMethod.GET, new HttpEntity<>(headers(agency)), JsonNode.class);
    }

    ResponseEntity<JsonNode> jobs(String agency, String query) {
        return http.exchange("/api/imports" + query, HttpMethod.GET, new HttpEntity<>(headers(agency)),
                JsonNode.class);
    }

    /** Uploads {@code csv} and polls its job until it is no longer running; answers the final job. */
    JsonNode importAndWait(String agency, String kind, String csv) {
        return waitFor(agency, started(upload(agency, kind, csv)), Duration.ofSeconds(60));
    }

    static String started(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
        assertThat(response.getBody().get("status").asText()).isEqualTo("RUNNING");
        String location = response.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/imports/" + response.getBody().get("id").asText());
        return location;
    }

    JsonNode waitFor(String agency, String location, Duration timeout) {
        return waitFor(agency, location, timeout, job -> {
        });
    }

    /** Polls the job until it is no longer running, showing each state polled to {@code polled}. */
    JsonNode waitFor(String agency, String location, Duration timeout, Consumer<JsonNode> polled) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        eventually(timeout, () -> {
            ResponseEntity<JsonNode> job = job(agency, location);
            assertThat(job.getStatusCode().value()).isEqualTo(200);
            last.set(job.getBody());
            polled.accept(job.getBody());
            assertThat(job.getBody().get("status").asText()).isNotEqualTo("RUNNING");
        });
        return last.get();
    }

    ResponseEntity<byte[]> export(String agency, String query) {
        return http.exchange("/api/exports/pledges.csv" + query, HttpMethod.GET, new HttpEntity<>(headers(agency)),
                byte[].class);
    }

    static HttpHeaders headers(String agency) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Acting-User", "clerk-of-" + agency);
        headers.set("X-Acting-Agency", agency);
        return headers;
    }
}
