package org.campaign.gateway;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token buckets, on a clock the test moves: the limit itself, a bucket per person of the web app, and that idle
 * clients are forgotten.
 */
class ClientRateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    final AtomicLong now = new AtomicLong();
    final ClientRateLimiter limiter = new ClientRateLimiter(new AccessPolicy.RateLimit(1, 3), now::get);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isEqualTo(1000);
        assertThat(limiter.take("b")).as("another client has a bucket of its own").isZero();
        now.addAndGet(SECOND / 2);
        assertThat(limiter.take("a")).isEqualTo(500);
        now.addAndGet(SECOND / 2);
        assertThat(limiter.take("a")).isZero();
    }

    @Test
    void eachPersonSignedInThroughTheWebAppHasARateLimitOfTheirOwn() {
        assertThat(ClientRateLimiter.key("east-township-system", "east-township-system"))
                .isEqualTo("client:east-township-system");
        assertThat(ClientRateLimiter.key("campaign-web", "east-clerk")).isEqualTo("client:campaign-web/user:east-clerk");
        assertThat(ClientRateLimiter.key("campaign-web", "west-clerk"))
                .isNotEqualTo(ClientRateLimiter.key("campaign-web", "east-clerk"));
    }

    @Test
    void bucketsThatRefilledAreForgottenAndThoseStillEmptyingAreKept() {
        for (int i = 0; i < 3; i++) {
            limiter.take("idle");
            limiter.take("busy");
        }
        now.addAndGet(59 * SECOND);
        limiter.take("busy");
        limiter.take("busy");
        limiter.take("busy");
        assertThat(limiter.clients()).isEqualTo(2);

        now.addAndGet(SECOND);
        assertThat(limiter.take("other")).isZero();

        assertThat(limiter.clients()).as("the idle bucket is full again: dropped; the busy one is not").isEqualTo(2);
        assertThat(limiter.take("busy")).as("one token refilled since it emptied its bucket").isZero();
        assertThat(limiter.take("busy")).as("the busy client keeps the bucket it emptied").isPositive();
        assertThat(limiter.take("idle")).isZero();
    }
}
