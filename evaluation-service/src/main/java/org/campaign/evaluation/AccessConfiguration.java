package org.campaign.evaluation;

import org.campaign.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static org.campaign.service.security.Roles.ADMINISTRATOR;
import static org.campaign.service.security.Roles.AGENCY_STAFF;
import static org.campaign.service.security.Roles.AUDITOR;
import static org.campaign.service.security.Roles.INSPECTION_GROUP;
import static org.campaign.service.security.Roles.REVIEWER;

/**
 * Who may call which route of the evaluation service, by role: leaders review, agencies answer reviews, inspection
 * groups evaluate, assess and keep the ledger of lagging units, the district office assigns reviewers and sets
 * assessment schemes. Which subjects a caller may act on — those of its assignments, its own agency's reviews,
 * the ledger entries it is responsible for — is checked per command by the services ({@code ReviewerScope}), and
 * which reviews and mass evaluations it may read by {@code ReviewService} and {@code MassEvaluationService}.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules evaluationServiceRoutes() {
        return routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/rectifications").hasAnyRole(INSPECTION_GROUP, ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/rectifications/*")
                .hasAnyRole(INSPECTION_GROUP, ADMINISTRATOR, REVIEWER, AGENCY_STAFF)
                .requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/*")
                .hasAnyRole(REVIEWER, AGENCY_STAFF, INSPECTION_GROUP, ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/evaluations", "/api/evaluations/**")
                .hasAnyRole(INSPECTION_GROUP, ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/assessments/**", "/api/assignments/**").authenticated()
                .requestMatchers("/api/assignments/**", "/api/assessments/schemes/**").hasRole(ADMINISTRATOR)
                .requestMatchers("/api/reviews/*/rectification/commitment", "/api/reviews/*/rectification/completion")
                .hasRole(AGENCY_STAFF)
                .requestMatchers("/api/reviews/**").hasRole(REVIEWER)
                .requestMatchers("/api/evaluations/**", "/api/assessments/**")
                .hasAnyRole(INSPECTION_GROUP, ADMINISTRATOR)
                .requestMatchers("/api/rectifications/*/leader", "/api/rectifications/*/final-check")
                .hasAnyRole(INSPECTION_GROUP, ADMINISTRATOR)
                .requestMatchers("/api/rectifications/**")
                .hasAnyRole(INSPECTION_GROUP, ADMINISTRATOR, REVIEWER, AGENCY_STAFF)
                .requestMatchers("/api/audit/**").hasRole(AUDITOR);
    }
}
