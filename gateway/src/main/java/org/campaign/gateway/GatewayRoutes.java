package org.campaign.gateway;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per backend service, matching any of its configured path patterns and forwarding the
 * request unchanged (method, path, query, headers and body) to the service's base URI. Requests
 * matching no pattern get a 404 from the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    @Bean
    RouteLocator platformRoutes(RouteLocatorBuilder builder, PlatformServices services) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        services.byName().forEach((name, backend) -> routes.route(name, route -> route
                .path(backend.paths().toArray(String[]::new))
                .uri(backend.uri())));
        return routes.build();
    }
}
