package org.campaign.write;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults every write service shares, at the lowest precedence so a service or its deployment can still
 * override them: no Axon Server (events live in the service's own MongoDB), and no call home from Axon's update
 * checker — the services talk only to their own Kafka and MongoDB.
 */
public class WriteSideDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("writeSideDefaults", Map.of(
                "axon.axonserver.enabled", "false",
                "axon.update-check.disabled", "true")));
    }
}
