package org.campaign.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventContract;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.Satisfaction;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.mass.MassEvaluationCommands.CastBallot;
import org.campaign.evaluation.mass.MassEvaluationCommands.OpenMassEvaluation;
import org.campaign.evaluation.review.ReviewCommands.RecordReview;
import org.campaign.testsupport.TopicReader;
import org.campaign.write.events.ActorMetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * Every published event the store accepted reaches Kafka, even when many reviews and ballots commit at the same
 * moment — the case in which timestamp-based Mongo tracking tokens are known to skip events — and no respondent's
 * identity ever does.
 */
@EvaluationServiceTest
class EventPublicationTest {

    static final int REVIEWS = 600;
    static final int BALLOTS = 400;
    static final int EVALUATIONS = 8;
    static final int THREADS = 8;
    static final ObjectMapper JSON = EventJson.newObjectMapper();

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoTemplate mongo;
    @Value("${campaign.events.topic}")
    String topic;

    final Map<String, Boolean> publishedTypes = new ConcurrentHashMap<>();

    @Test
    void everyStoredPublishedEventReachesKafkaUnderConcurrentWritesAndNoRespondentDoes() throws Exception {
        String campaign = ApiClient.newCampaign();
        List<String> evaluations = new ArrayList<>();
        for (int i = 0; i < EVALUATIONS; i++) {
            String evaluationId = UUID.randomUUID().toString();
            commands.sendAndWait(new OpenMassEvaluation(evaluationId, campaign, 2011, "2011-R2",
                    SubjectType.ORGANISATION, "org-" + i, "org-" + i, "township-" + (i % 3),
                    List.of(EvaluationMethod.PHONE_CALLS), LocalDate.of(2011, 9, 20)), as(i));
            evaluations.add(evaluationId);
        }
        Set<String> respondents = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < REVIEWS + BALLOTS; i++) {
            int n = i;
            writes.add(pool.submit(() -> {
                if (n % 5 < 3) {
                    review(campaign, n);
                } else {
                    String respondent = "respondent-" + UUID.randomUUID();
                    respondents.add(respondent);
                    commands.sendAndWait(new CastBallot(evaluations.get(n % EVALUATIONS), respondent,
                            EvaluationMethod.PHONE_CALLS, Satisfaction.values()[n % 3], null), as(n));
                }
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
        assertThat(respondents).hasSize(BALLOTS);

        Set<String> stored = storedPublishedEventIds();
        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(60), () -> {
                Set<String> published = new HashSet<>();
                for (EventEnvelope envelope : reader.envelopes()) {
                    published.add(envelope.eventId());
                }
                assertThat(published).as("distinct event ids on Kafka").hasSameSizeAs(stored);
                assertThat(published).containsExactlyInAnyOrderElementsOf(stored);
            });
            String onTheWire = JSON.writeValueAsString(reader.envelopes());
            assertThat(onTheWire).doesNotContain("respondent");
            assertThat(reader.envelopes()).extracting(EventEnvelope::type)
                    .doesNotContain("BallotRespondentRecorded", "ReviewTownshipRecorded");
        }
    }

    private void review(String campaign, int n) {
        commands.sendAndWait(new RecordReview(UUID.randomUUID().toString(), campaign, "2011-R" + (1 + n % 3),
                SubjectType.ORGANISATION, "org-" + (n % 40), "org-" + (n % 40), n % 2 == 0 ? "township-1" : null,
                n % 2 == 0 ? List.of("township-1", "org-" + (n % 40)) : List.of(), "leader-" + (n % THREADS), Rating.values()[n % 4], "strengths " + n, null, null, null), as(n));
    }

    private static MetaData as(int n) {
        return ActorMetaData.of(new Actor("leader-" + (n % THREADS), "district"), null);
    }

    /** Ids of the stored events whose payload is a published contract, whatever test stored them. */
    private Set<String> storedPublishedEventIds() {
        Set<String> ids = new HashSet<>();
        for (Document event : mongo.getCollection("domainevents").find()) {
            if (publishedTypes.computeIfAbsent(event.getString("payloadType"), EventPublicationTest::isPublished)) {
                ids.add(event.getString("eventIdentifier"));
            }
        }
        return ids;
    }

    private static boolean isPublished(String payloadType) {
        try {
            return Class.forName(payloadType).isAnnotationPresent(EventContract.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Stored event of unknown type " + payloadType, e);
        }
    }
}
