package org.campaign.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * Sign-in at the gateway: every API call needs a valid JWT (signature by the issuer's keys, issuer, expiry), and
 * the route rules of {@link AccessPolicy} say which roles may call what. The token is relayed to the services,
 * which validate it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessPolicy.class)
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, AccessPolicy policy) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(policy.keysLocation()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(policy.clockSkew()), new JwtIssuerValidator(policy.issuer())));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(cors -> cors.configurationSource(cors(policy)))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "connect-src 'self' " + origin(policy.issuer()) + "; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                    String[] app = WebApp.PUBLIC_PATHS.toArray(String[]::new);
                    exchanges.pathMatchers(HttpMethod.GET, app).permitAll();
                    exchanges.pathMatchers(HttpMethod.HEAD, app).permitAll();
                    for (AccessPolicy.Rule rule : policy.rules()) {
                        String[] paths = rule.paths().toArray(String[]::new);
                        if (rule.methods().isEmpty()) {
                            grant(exchanges.pathMatchers(paths), rule);
                        }
                        for (HttpMethod method : rule.methods()) {
                            grant(exchanges.pathMatchers(method, paths), rule);
                        }
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((exchange, e) -> problem(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "Not signed in",
                                "A valid access token from the platform's sign-in is required"))
                        .accessDeniedHandler((exchange, e) -> problem(exchange.getResponse(), HttpStatus.FORBIDDEN,
                                "Not permitted", "Your role does not allow this request")))
                .build();
    }

    /**
     * The scheme, host and port of the issuer: the browser app fetches the issuer's discovery document and token
     * endpoint from there, and a CSP source with a path would allow that exact path only.
     */
    static String origin(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static void grant(ServerHttpSecurity.AuthorizeExchangeSpec.Access access, AccessPolicy.Rule rule) {
        if (rule.roles().isEmpty()) {
            access.authenticated();
        } else {
            access.hasAnyRole(rule.roles().toArray(String[]::new));
        }
    }

    private static ReactiveJwtAuthenticationConverterAdapter roles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        });
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static UrlBasedCorsConfigurationSource cors(AccessPolicy policy) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(policy.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Correlation-Id"));
        configuration.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Correlation-Id"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }

    static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A refused request ends its connection: Reactor Netty can stop reading a keep-alive connection whose next
        // request arrived while a refusal was still being completed, and the caller would wait for ever.
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
