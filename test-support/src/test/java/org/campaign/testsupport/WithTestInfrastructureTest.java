package org.campaign.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithTestInfrastructure
class WithTestInfrastructureTest {

    @SpringBootConfiguration
    static class Config {
    }

    @Autowired
    Environment environment;

    @Test
    void springBootTestPicksUpTheInitializer() {
        TestInfrastructure infra = TestInfrastructure.shared();
        String mongoUri = environment.getProperty("spring.data.mongodb.uri");
        assertThat(mongoUri).startsWith(infra.mongoConnectionString() + "/test-");
        String id = mongoUri.substring(mongoUri.lastIndexOf("/test-") + "/test-".length());

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
        assertThat(environment.getProperty("campaign.topics.pledge-events")).isEqualTo("campaign.pledge-events." + id);
        assertThat(environment.getProperty("campaign.topics.evaluation-events"))
                .isEqualTo("campaign.evaluation-events." + id);
    }
}
