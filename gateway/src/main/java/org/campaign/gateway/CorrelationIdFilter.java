package org.campaign.gateway;

import java.util.UUID;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Makes sure every routed request carries an {@code X-Correlation-Id}: an incoming id is passed on
 * untouched, a missing or blank one is replaced by a random UUID. The id forwarded to the backend is
 * also set on the response so that callers can quote it.
 */
@Component
public class CorrelationIdFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        ServerWebExchange forwarded = exchange;
        String id = incoming;
        if (!StringUtils.hasText(incoming)) {
            id = UUID.randomUUID().toString();
            String generated = id;
            ServerHttpRequest request = exchange.getRequest().mutate()
                    .headers(headers -> headers.set(HEADER, generated))
                    .build();
            forwarded = exchange.mutate().request(request).build();
        }
        forwarded.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(forwarded);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
