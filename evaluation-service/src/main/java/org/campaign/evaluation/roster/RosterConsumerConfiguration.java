package org.campaign.evaluation.roster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What the roster consumer does when a record cannot be applied (MongoDB unavailable…): it tries again, with
 * exponential back-off and without limit, and never moves past the record — a skipped registration would leave an
 * organisation unknown here for good. Its other settings are under {@code spring.kafka.consumer} in
 * application.yml.
 */
@Configuration(proxyBeanMethods = false)
class RosterConsumerConfiguration {

    @Bean
    CommonErrorHandler rosterErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
