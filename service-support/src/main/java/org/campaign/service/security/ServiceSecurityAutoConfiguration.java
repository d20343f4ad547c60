package org.campaign.service.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Collection;
import java.util.List;

/**
 * Every service validates the caller's token itself — it trusts no header from the network: signature by the
 * configured issuer's keys, issuer, expiry (with a small clock skew). The {@code roles} claim becomes the
 * caller's roles; each service adds its route rules as an {@link AccessRules} bean.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSecurityAutoConfiguration.class);

    @Bean
    CallerResolver callerResolver(SecurityProperties properties) {
        return new CallerResolver(properties.trustHeaders());
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, SecurityProperties properties,
                                        ObjectProvider<AccessRules> rules) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.trustHeaders()) {
            LOG.warn("campaign.security.trust-headers is on: callers are taken from X-Acting-* headers without "
                    + "tokens. For tests and development only.");
            return http.authorizeHttpRequests(routes -> routes.anyRequest().permitAll()).build();
        }
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("Set campaign.security.issuer to the token issuer");
        }
        http.authorizeHttpRequests(routes -> {
                    // The request itself was authorised; its asynchronous continuation (a server-sent event
                    // stream) and error rendering are not checked again.
                    routes.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    routes.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll();
                    rules.orderedStream().forEach(rule -> rule.apply(routes));
                    routes.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(jwtDecoder(properties)).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    private static JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.keysLocation()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()), new JwtIssuerValidator(properties.issuer())));
        return decoder;
    }

    private static JwtAuthenticationConverter roles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        });
        return converter;
    }
}
