package org.campaign.write.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * How a write service reads what a request states.
 * <ul>
 *   <li>A count is a whole number: {@code 1.5} for a number of people is refused (400), not cut to 1.</li>
 *   <li>"Today", for dates that record what has happened ({@code @PastOrPresent}: approved, fulfilled, reviewed,
 *       opened…), is the date in the district's time zone ({@code campaign.time-zone}), so a clerk recording
 *       today's work early in the morning is not refused because the servers' clock is still on yesterday.</li>
 * </ul>
 */
@AutoConfiguration
public class RequestRulesAutoConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer wholeNumbersOnly() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    ValidationConfigurationCustomizer districtToday(@Value("${campaign.time-zone:Asia/Shanghai}") ZoneId zone) {
        return configuration -> configuration.clockProvider(() -> Clock.system(zone));
    }
}
