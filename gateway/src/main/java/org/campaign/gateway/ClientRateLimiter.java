package org.campaign.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client application (the token's {@code client_id}; for a person signed in through an app, per
 * client and person; the caller's address when there is no token): a client that calls faster than its share gets
 * 429 with {@code Retry-After}, so one agency's batch job cannot crowd out everyone else. Buckets live in this
 * gateway instance.
 */
@Component
class ClientRateLimiter implements GlobalFilter, Ordered {

    private final AccessPolicy.RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(AccessPolicy policy) {
        this.limit = policy.rateLimit();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(principal -> principal instanceof JwtAuthenticationToken token
                        && token.getToken().getClaimAsString("client_id") != null
                        ? key(token.getToken().getClaimAsString("client_id"), token.getToken().getSubject())
                        : address(exchange))
                .defaultIfEmpty(address(exchange))
                .flatMap(client -> {
                    long waitMillis = buckets.computeIfAbsent(client, key -> new Bucket(limit)).take();
                    if (waitMillis == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After",
                            Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
                    return GatewaySecurity.problem(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests", "This client is sending requests too fast; retry later");
                });
    }

    /**
     * A system's own token (client credentials: the subject is the client) counts against the client; a person's
     * token from the web app counts against that person, so that everyone signed in to the one public client
     * {@code campaign-web} has a share of their own.
     */
    static String key(String clientId, String subject) {
        return subject == null || subject.equals(clientId)
                ? "client:" + clientId : "client:" + clientId + "/user:" + subject;
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** Refills continuously at {@code perSecond}; holds at most {@code burst} tokens. */
    static final class Bucket {

        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(AccessPolicy.RateLimit limit) {
            this.perMilli = limit.perSecond() / 1000.0;
            this.capacity = limit.burst();
            this.tokens = capacity;
        }

        /** Takes one token: 0 when granted, otherwise how many milliseconds until one is available. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1_000_000.0 * perMilli);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
