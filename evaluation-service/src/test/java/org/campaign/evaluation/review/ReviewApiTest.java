package org.campaign.evaluation.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.contracts.EventEnvelope;
import org.campaign.testsupport.TopicReader;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class ReviewApiTest {

    static final String REVIEW = """
            {"campaignId":"cxzy-2011","round":"2011-H1","subjectType":"ORGANISATION","subjectId":"org-1",
             "organisationId":"org-1","rating":"GOOD","strengths":"承诺内容具体",
             "problems":"群众知晓率不高","rectificationRequired":"在公开栏公示承诺",
             "rectificationDeadline":"2011-07-15"}
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Value("${campaign.events.topic}")
    String topic;

    @Test
    void aReviewIsRecordedAndPublished() {
        ResponseEntity<JsonNode> created = post(REVIEW);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reviewId = created.getBody().get("reviewId").asText();

        JsonNode review = http.getForObject("/api/reviews/" + reviewId, JsonNode.class);
        assertThat(review.get("rating").asText()).isEqualTo("GOOD");
        assertThat(review.get("reviewerId").asText()).isEqualTo("leader-1");

        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(reader.envelopes())
                    .filteredOn(e -> e.aggregateId().equals(reviewId))
                    .extracting(EventEnvelope::type).containsExactly("ReviewRecorded"));
            EventEnvelope envelope = reader.envelopes().stream()
                    .filter(e -> e.aggregateId().equals(reviewId)).findFirst().orElseThrow();
            assertThat(envelope.source()).isEqualTo("evaluation-service");
            assertThat(envelope.actor().agencyId()).isEqualTo("district-committee");
            assertThat(envelope.payload().get("rectificationDeadline").asText()).isEqualTo("2011-07-15");
        }
    }

    @Test
    void aRectificationWithoutDeadlineIsRefusedAndNothingIsStored() {
        long before = mongo.getCollection("domainevents").countDocuments();
        ResponseEntity<JsonNode> response = post(REVIEW.replace("\"rectificationDeadline\":\"2011-07-15\"",
                "\"rectificationDeadline\":null").replace("\"rating\":\"GOOD\"", "\"rating\":null"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("rating", "rectificationDeadline");
        assertThat(mongo.getCollection("domainevents").countDocuments()).isEqualTo(before);
    }

    private ResponseEntity<JsonNode> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Acting-User", "leader-1");
        headers.set("X-Acting-Agency", "district-committee");
        return http.postForEntity("/api/reviews", new HttpEntity<>(body, headers), JsonNode.class);
    }
}
