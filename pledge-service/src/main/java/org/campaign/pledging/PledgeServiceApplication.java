package org.campaign.pledging;

import org.campaign.contracts.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Organisations, members, campaigns and their public pledges (公开承诺): the records agencies keep, event-sourced
 * and published to Kafka.
 */
@SpringBootApplication
@EnableScheduling
public class PledgeServiceApplication {

    /** The service itself, as the actor of what it does on its own: lapsing pledges, bringing the roster into line. */
    public static final Actor SYSTEM = new Actor("pledge-service", "system");

    public static void main(String[] args) {
        SpringApplication.run(PledgeServiceApplication.class, args);
    }

    /** The district's clock: deadlines are dates in the district's time zone. */
    @Bean
    Clock clock(@Value("${campaign.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
