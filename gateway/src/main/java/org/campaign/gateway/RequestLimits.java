package org.campaign.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses oversized requests with 413 before anything else happens, and removes identity headers a caller might
 * send: who is calling is said by the token alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimits implements WebFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    /** The prefix of the headers that name a caller where a service trusts headers (tests only); never relayed. */
    private static final String IDENTITY_HEADERS = "X-Acting-";

    private final AccessPolicy policy;

    RequestLimits(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        long limit = policy.largeBodyPaths().stream().anyMatch(pattern -> PATHS.match(pattern, path))
                ? policy.maxLargeBodyBytes() : policy.maxBodyBytes();
        if (exchange.getRequest().getHeaders().getContentLength() > limit) {
            return GatewaySecurity.problem(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE,
                    "Request too large", "The request body is larger than the " + limit + " bytes allowed here");
        }
        return chain.filter(exchange.mutate().request(exchange.getRequest().mutate()
                .headers(headers -> headers.keySet().removeIf(name -> name.regionMatches(true, 0, IDENTITY_HEADERS, 0,
                        IDENTITY_HEADERS.length())))
                .build()).build());
    }
}
