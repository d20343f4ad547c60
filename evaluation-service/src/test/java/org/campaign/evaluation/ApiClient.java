package org.campaign.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.contracts.EventEnvelope;
import org.campaign.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.campaign.testsupport.Eventually.eventually;

/** Calls the evaluation service's API as a given user of a given agency, and reads what it published. */
@TestComponent
public class ApiClient {

    public static final String DISTRICT = "district";

    /** Who acts: a user on behalf of an agency, with the given roles (every role when none are given). */
    public record As(String user, String agency, List<String> roles) {

        public As(String user, String agency) {
            this(user, agency, List.of());
        }

        public As withRoles(String... names) {
            return new As(user, agency, List.of(names));
        }
    }

    public static final As OFFICE = new As("office-1", DISTRICT);

    private final TestRestTemplate http;
    private final MongoTemplate mongo;
    private final String topic;

    ApiClient(TestRestTemplate http, MongoTemplate mongo, @Value("${campaign.events.topic}") String topic) {
        this.http = http;
        this.mongo = mongo;
        this.topic = topic;
    }

    /** A fresh campaign id, so that tests sharing the context never see each other's assignments. */
    public static String newCampaign() {
        return "cxzy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Assigns a reviewer as the district office; answers with the assignment's id. */
    public String assign(String campaign, String reviewerId, String kind, List<String> organisations,
                         List<String> townships) {
        return created(post(OFFICE, "/api/assignments", """
                {"campaignId":"%s","reviewerId":"%s","kind":"%s","organisationIds":%s,"townshipIds":%s}"""
                .formatted(campaign, reviewerId, kind, json(organisations), json(townships))), "assignmentId");
    }

    public ResponseEntity<JsonNode> post(As as, String path, String body) {
        return exchange(HttpMethod.POST, as, path, body);
    }

    public ResponseEntity<JsonNode> put(As as, String path, String body) {
        return exchange(HttpMethod.PUT, as, path, body);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(As as, String path) {
        return exchange(HttpMethod.GET, as, path, null);
    }

    public long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }

    /** The types of the events published for the aggregate, in order, once there are {@code count} of them. */
    public List<String> publishedTypes(String aggregateId, int count) {
        return published(aggregateId, count).stream().map(EventEnvelope::type).toList();
    }

    /** The envelopes published for the aggregate, once there are {@code count} of them. */
    public List<EventEnvelope> published(String aggregateId, int count) {
        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(30), () -> {
                if (ofAggregate(reader.envelopes(), aggregateId).size() < count) {
                    throw new AssertionError("Fewer than " + count + " events of " + aggregateId + " on " + topic);
                }
            });
            return ofAggregate(reader.envelopes(), aggregateId);
        }
    }

    public static ResponseEntity<JsonNode> expect(int status, ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().value() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response;
    }

    /** The detail of the problem a refused POST answers, once its status is the one expected. */
    public String refusal(int status, As as, String path, String body) {
        return expect(status, post(as, path, body)).getBody().get("detail").asText();
    }

    /** The id field of a 201 response. */
    public static String created(ResponseEntity<JsonNode> response, String idField) {
        return expect(201, response).getBody().get(idField).asText();
    }

    /** Every envelope on the topic, read once the aggregate's first event is there. */
    public List<EventEnvelope> publishedSoFar(String lastAggregateId) {
        published(lastAggregateId, 1);
        try (TopicReader reader = TopicReader.of(topic)) {
            return reader.envelopes();
        }
    }

    private static List<EventEnvelope> ofAggregate(List<EventEnvelope> envelopes, String aggregateId) {
        return envelopes.stream().filter(e -> e.aggregateId().equals(aggregateId)).toList();
    }

    private static String json(Collection<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").toList().toString();
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, As as, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Acting-User", as.user());
        headers.set("X-Acting-Agency", as.agency());
        if (!as.roles().isEmpty()) {
            headers.set("X-Acting-Roles", String.join(",", as.roles()));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
