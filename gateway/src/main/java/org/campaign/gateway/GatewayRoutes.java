package org.campaign.gateway;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per backend service, matching any of its configured path patterns and forwarding the
 * request unchanged (method, path, query, headers and body) to the service's base URI. Requests
 * matching no pattern get a 404 from the gateway itself. Routes are tried in the order the services are
 * listed, so a write service's specific audit paths win over the reporting service's general ones.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    @Bean
    RouteLocator platformRoutes(RouteLocatorBuilder builder, PlatformServices services) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        int order = 0;
        for (var service : services.byName().entrySet()) {
            int position = order++;
            routes.route(service.getKey(), route -> route
                    .order(position)
                    .path(service.getValue().paths().toArray(String[]::new))
                    .uri(service.getValue().uri()));
        }
        return routes.build();
    }
}
