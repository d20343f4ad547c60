package org.campaign.reporting.live;

import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.uniqueId;
import static org.campaign.testsupport.Eventually.eventually;

/** A subscriber whose stream fails — even while being ended — keeps no other subscriber from its figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class ReportStreamTest {

    @Autowired
    ReportStream stream;
    @Autowired
    ProjectionMonitor monitor;

    /** Counts the summaries it is sent; once broken, sending and ending it fail, as after a network error. */
    static final class CountingEmitter extends SseEmitter {

        final AtomicInteger sent = new AtomicInteger();
        volatile boolean broken;

        CountingEmitter() {
            super(0L);
        }

        @Override
        public void send(SseEventBuilder event) {
            if (broken) {
                throw new IllegalStateException("the container ended this stream after an error");
            }
            sent.incrementAndGet();
        }

        @Override
        public void completeWithError(Throwable failure) {
            throw new IllegalStateException("the container ended this stream after an error");
        }
    }

    @Test
    void aFailedStreamDoesNotKeepTheOthersFromTheirFigures() {
        String campaign = uniqueId("stream");
        CountingEmitter failing = new CountingEmitter();
        CountingEmitter healthy = new CountingEmitter();
        stream.subscribe(failing, campaign);
        stream.subscribe(healthy, campaign);
        eventually(Duration.ofSeconds(10), () -> assertThat(failing.sent.get()).isPositive());
        eventually(Duration.ofSeconds(10), () -> assertThat(healthy.sent.get()).isPositive());
        failing.broken = true;
        int before = healthy.sent.get();

        monitor.changedEverything();

        eventually(Duration.ofSeconds(10), () -> assertThat(healthy.sent.get()).isGreaterThan(before));
    }
}
