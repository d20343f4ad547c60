package org.campaign.pledging;

import org.campaign.service.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static org.campaign.service.security.Roles.ADMINISTRATOR;
import static org.campaign.service.security.Roles.AGENCY_STAFF;
import static org.campaign.service.security.Roles.AUDITOR;

/**
 * Who may call which route of the pledge service. Which agency's records a caller may touch is checked per
 * command by {@code AgencyBoundary}.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules pledgeServiceRoutes() {
        return routes -> routes
                .requestMatchers(HttpMethod.POST, "/api/campaigns/**").hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/campaigns/**").authenticated()
                .requestMatchers("/api/organisations/**").hasAnyRole(AGENCY_STAFF, ADMINISTRATOR)
                .requestMatchers("/api/members/**", "/api/pledges/**", "/api/imports/**", "/api/exports/**")
                .hasRole(AGENCY_STAFF)
                .requestMatchers("/api/audit/**").hasRole(AUDITOR);
    }
}
