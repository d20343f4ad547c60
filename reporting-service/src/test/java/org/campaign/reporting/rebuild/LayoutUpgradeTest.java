package org.campaign.reporting.rebuild;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.TestPublisher;
import org.campaign.reporting.projection.ProjectionListener;
import org.campaign.reporting.report.ReportController;
import org.campaign.reporting.store.Generations;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.organisationPledge;
import static org.campaign.reporting.TestEvents.uniqueId;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * A service started on a generation written in an older read-model layout leaves the live projection stopped and
 * rebuilds at once; the rebuilt generation, in the current layout, takes over and the live projection goes on in it.
 */
@SpringBootTest
@WithTestInfrastructure
class LayoutUpgradeTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    RebuildService rebuilds;
    @Autowired
    Generations generations;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ReportController reports;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${campaign.topics.pledge-events}")
    String pledgeTopic;

    @Test
    void anOlderLayoutIsRebuiltAtStartAndTheLiveProjectionResumesInTheNewGeneration() {
        String campaign = uniqueId("layout");
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T1"));
        }
        eventually(TIMEOUT, () -> assertThat(made(campaign)).isEqualTo(1));
        String before = generations.active();

        // As a service of the previous version left it: its pointer names no layout, and this version has just
        // started without the live projection.
        MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
        live.stop();
        mongo.getDb().getCollection(Generations.COLLECTION)
                .updateOne(Filters.eq("_id", "active"), Updates.unset("layout"));
        assertThat(generations.activeLayoutIsCurrent()).isFalse();

        rebuilds.onStart();

        eventually(TIMEOUT, () -> assertThat(generations.active()).isNotEqualTo(before));
        eventually(TIMEOUT, () -> assertThat(rebuilds.all()).anyMatch(p -> p.state().equals(RebuildService.COMPLETED)
                && p.previousGeneration().equals(before)));
        assertThat(generations.activeLayoutIsCurrent()).isTrue();
        assertThat(made(campaign)).isEqualTo(1);
        assertThat(live.isRunning()).isTrue();

        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(pledgeTopic, organisationPledge(campaign, uniqueId("p"), Sector.RURAL_VILLAGE, "T1"));
        }
        eventually(TIMEOUT, () -> assertThat(made(campaign)).isEqualTo(2));
    }

    private long made(String campaignId) {
        return reports.pledgeSummary(campaignId, null).made();
    }
}
