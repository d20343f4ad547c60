package org.campaign.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The browser app (module {@code web-app}) is served by this gateway from the classpath: {@code /} and
 * {@code /index.html}, its scripts and styles under {@code /app/}, and Apache ECharts under {@code /webjars/}. These
 * need no token; every {@code /api/**} route stays protected. The app learns at run time where people sign in
 * from {@code GET /app/config.json}: the issuer of {@code platform.access} and the public client's id.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebApp.Settings.class)
class WebApp {

    /** Paths of the app's own files, readable without a token (GET and HEAD only). */
    static final List<String> PUBLIC_PATHS = List.of("/", "/index.html", "/favicon.ico", "/app/**", "/webjars/**");

    /**
     * How the browser app signs in.
     *
     * @param clientId the public client (authorization code with PKCE) registered at the issuer for the app
     * @param scope    the scopes the app asks for
     */
    @ConfigurationProperties("platform.web")
    record Settings(String clientId, String scope) {

        Settings {
            clientId = clientId == null || clientId.isBlank() ? "campaign-web" : clientId;
            scope = scope == null || scope.isBlank() ? "openid profile" : scope;
        }
    }

    @Bean
    RouterFunction<ServerResponse> webAppConfiguration(Settings settings, AccessPolicy policy) {
        Map<String, String> body = new LinkedHashMap<>();
        // The browser signs in at the issuer the gateway trusts, the origin its Content-Security-Policy allows.
        body.put("issuer", policy.issuer());
        body.put("clientId", settings.clientId());
        body.put("scope", settings.scope());
        return RouterFunctions.route(GET("/app/config.json"), request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(body));
    }
}
