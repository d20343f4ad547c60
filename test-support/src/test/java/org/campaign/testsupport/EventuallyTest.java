package org.campaign.testsupport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaign.testsupport.Eventually.eventually;

class EventuallyTest {

    @Test
    void retriesUntilTheAssertionPasses() {
        AtomicInteger attempts = new AtomicInteger();
        eventually(Duration.ofSeconds(5), () -> assertThat(attempts.incrementAndGet()).isGreaterThanOrEqualTo(3));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void rethrowsTheLastFailureAfterTheTimeout() {
        assertThatThrownBy(() -> eventually(Duration.ofMillis(300), () -> assertThat("never").isEqualTo("ready")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ready");
        assertThatThrownBy(() -> eventually(Duration.ZERO, () -> {
            throw new java.io.IOException("io");
        })).isInstanceOf(AssertionError.class).hasCauseInstanceOf(java.io.IOException.class);
    }
}
