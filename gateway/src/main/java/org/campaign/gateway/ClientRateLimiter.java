package org.campaign.gateway;

import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client application (the token's {@code client_id}; for a person signed in through an app, per
 * client and person; the caller's address when there is no token): a client that calls faster than its share gets
 * 429 with {@code Retry-After}, so one agency's batch job cannot crowd out everyone else. Buckets live in this
 * gateway instance; about once a minute those that have refilled completely are dropped — a new bucket would be
 * the same — so that every person who ever called does not stay in memory.
 */
@Component
class ClientRateLimiter implements GlobalFilter, Ordered {

    private static final long SWEEP_EVERY_NANOS = 60_000_000_000L;

    private final AccessPolicy.RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    @Autowired
    ClientRateLimiter(AccessPolicy policy) {
        this(policy.rateLimit(), System::nanoTime);
    }

    ClientRateLimiter(AccessPolicy.RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
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
                    long waitMillis = take(client);
                    if (waitMillis == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After",
                            Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
                    return GatewaySecurity.problem(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests", "This client is sending requests too fast; retry later");
                });
    }

    /** Takes a token from the client's bucket: 0 when granted, otherwise how many milliseconds until one is. */
    long take(String client) {
        long now = nanoTime.getAsLong();
        long previous = lastSweep.get();
        if (now - previous >= SWEEP_EVERY_NANOS && lastSweep.compareAndSet(previous, now)) {
            buckets.keySet().forEach(key -> buckets.computeIfPresent(key, (k, bucket) -> bucket.full(now) ? null : bucket));
        }
        long[] waitMillis = new long[1];
        buckets.compute(client, (key, bucket) -> {
            Bucket taken = bucket == null ? new Bucket(limit, now) : bucket;
            waitMillis[0] = taken.take(now);
            return taken;
        });
        return waitMillis[0];
    }

    /** How many clients have a bucket. */
    int clients() {
        return buckets.size();
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

    /**
     * Refills continuously at {@code perSecond}; holds at most {@code burst} tokens. Used under the lock of its entry
     * in the map of buckets.
     */
    private static final class Bucket {

        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(AccessPolicy.RateLimit limit, long now) {
            this.perMilli = limit.perSecond() / 1000.0;
            this.capacity = limit.burst();
            this.tokens = capacity;
            this.last = now;
        }

        private double tokensAt(long now) {
            return Math.min(capacity, tokens + (now - last) / 1_000_000.0 * perMilli);
        }

        /** Takes one token: 0 when granted, otherwise how many milliseconds until one is available. */
        long take(long now) {
            tokens = tokensAt(now);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        /** Whether it has refilled completely: it is then no different from a new bucket. */
        boolean full(long now) {
            return tokensAt(now) >= capacity;
        }
    }
}
