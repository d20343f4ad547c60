package org.campaign.service.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Spring Boot's MongoDB health check, which sends {@code hello} — a command not every server speaking
 * the MongoDB wire protocol (such as the embedded one of the local stack) answers — by {@code ping}, which all
 * of them answer. Registered under Spring Boot's own name, so Boot's check steps aside.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration",
        afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration")
public class PingMongoHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", mongo.getDb().getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
