package org.campaign.reporting.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the MongoDB read model, checked with the {@code ping} command. Registered under the name Spring Boot
 * uses for its own MongoDB indicator, which it replaces: that one sends {@code hello}, a command not every server
 * speaking the MongoDB wire protocol (such as the in-process server used for development) understands, whereas
 * every server answers {@code ping}.
 */
@Component("mongoHealthIndicator")
public class ReadModelHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public ReadModelHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down().withDetail("answer", answer.toJson());
        }
    }
}
