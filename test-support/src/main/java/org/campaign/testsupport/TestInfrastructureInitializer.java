package org.campaign.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.UUID;

/**
 * Points a Spring context at the shared {@link TestInfrastructure}. Every context gets its own MongoDB database, its
 * own Kafka topics and its own consumer group, so contexts sharing one broker and one server never see each other's
 * data or events.
 * <p>
 * A service under test on its own is called directly, without the sign-in in front of it: the caller is named by
 * the {@code X-Acting-*} headers ({@code campaign.security.trust-headers}) and holds every role unless
 * {@code X-Acting-Roles} names its roles. Tokens, route rules and their refusals are tested through the gateway
 * against the whole running stack.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE_NAME = "campaignTestInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        if (sources.contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        TestInfrastructure infra = TestInfrastructure.shared();
        String id = UUID.randomUUID().toString().substring(0, 8);
        sources.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
                "spring.kafka.consumer.auto-offset-reset", "earliest",
                // A group of its own: contexts in one JVM share the broker, and a group's offsets can only be set
                // (as a rebuild hands over) while none of its members consumes.
                "spring.kafka.consumer.group-id", "campaign-test-" + id,
                "spring.data.mongodb.uri", infra.mongoUri("test-" + id),
                "campaign.topics.pledge-events", "campaign.pledge-events." + id,
                "campaign.topics.evaluation-events", "campaign.evaluation-events." + id,
                "campaign.security.trust-headers", "true")));
    }
}
