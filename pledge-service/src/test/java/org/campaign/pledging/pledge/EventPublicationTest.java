package org.campaign.pledging.pledge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.pledging.pledge.PledgeCommands.ApprovePledge;
import org.campaign.pledging.pledge.PledgeCommands.MakePledge;
import org.campaign.testsupport.TopicReader;
import org.campaign.testsupport.WithTestInfrastructure;
import org.campaign.write.events.ActorMetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * Every event the store accepted reaches Kafka, even when many commands commit at the same moment — the case in
 * which timestamp-based Mongo tracking tokens are known to skip events.
 */
@SpringBootTest
@WithTestInfrastructure
class EventPublicationTest {

    static final int PLEDGES = 2_000;
    static final int THREADS = 8;

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoTemplate mongo;
    @Value("${campaign.events.topic}")
    String topic;

    @Test
    void everyStoredEventReachesKafkaUnderConcurrentWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < PLEDGES; i++) {
            int n = i;
            writes.add(pool.submit(() -> makeAndMaybeFulfil(n)));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();

        Set<String> stored = new HashSet<>(mongo.getCollection("domainevents")
                .distinct("eventIdentifier", String.class).into(new ArrayList<>()));
        assertThat(stored).hasSize(PLEDGES + PLEDGES / 4);

        try (TopicReader reader = TopicReader.of(topic)) {
            eventually(Duration.ofSeconds(120), () -> {
                Set<String> published = new HashSet<>();
                for (EventEnvelope envelope : reader.envelopes()) {
                    published.add(envelope.eventId());
                }
                assertThat(published).as("distinct event ids on Kafka").hasSameSizeAs(stored);
                assertThat(published).containsExactlyInAnyOrderElementsOf(stored);
            });
        }
    }

    private void makeAndMaybeFulfil(int n) {
        String pledgeId = UUID.randomUUID().toString();
        Pledger member = new Pledger(PledgerType.MEMBER, "m-" + n, MemberCategory.FARMER, "org-" + (n % 40),
                Sector.RURAL_VILLAGE, "township-" + (n % 7));
        var metaData = ActorMetaData.of(new Actor("clerk-" + (n % THREADS), "agency-1"), null);
        commands.sendAndWait(new MakePledge(pledgeId, "cxzy-2011", member, PledgeKind.WORK,
                PledgeFocus.CENTRAL_WORK, "Pledge " + n, null, LocalDate.of(2011, 12, 31), false), metaData);
        if (n % 4 == 0) {
            commands.sendAndWait(new ApprovePledge(pledgeId, LocalDate.of(2011, 7, 1), null), metaData);
        }
    }
}
