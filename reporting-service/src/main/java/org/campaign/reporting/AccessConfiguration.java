package org.campaign.reporting;

import org.campaign.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static org.campaign.service.security.Roles.ADMINISTRATOR;
import static org.campaign.service.security.Roles.AUDITOR;
import static org.campaign.service.security.Roles.LEADERSHIP;

/**
 * Who may call which route of the reporting service, by role: the leadership group, auditors and the district
 * office read the district-wide statistics; only the district office starts and watches rebuilds of the read
 * models; only auditors read an aggregate's event history.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules reportingServiceRoutes() {
        return routes -> routes
                .requestMatchers("/api/reports/rebuilds", "/api/reports/rebuilds/**",
                        "/api/reports/generations/**").hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole(LEADERSHIP, AUDITOR, ADMINISTRATOR)
                .requestMatchers("/api/audit/**").hasRole(AUDITOR);
    }
}
