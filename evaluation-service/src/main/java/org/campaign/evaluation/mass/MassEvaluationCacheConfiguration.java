package org.campaign.evaluation.mass;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps mass evaluations in memory while they are in use: an evaluation meeting's hundreds of ballots would
 * otherwise be replayed for every further ballot. Entries go when memory is needed or a command fails.
 */
@Configuration
class MassEvaluationCacheConfiguration {

    @Bean
    Cache massEvaluationCache() {
        return new WeakReferenceCache();
    }
}
