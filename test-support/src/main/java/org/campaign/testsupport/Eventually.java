package org.campaign.testsupport;

import java.time.Duration;

/** Polls an assertion until it passes, instead of sleeping for a fixed time. */
public final class Eventually {

    private static final long POLL_INTERVAL_MS = 100;

    /** An assertion that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Throwable;
    }

    private Eventually() {
    }

    /**
     * Runs {@code assertion} every 100 ms until it completes without throwing; once {@code timeout} has elapsed the
     * last failure is rethrown (checked exceptions wrapped in an {@link AssertionError}).
     */
    public static void eventually(Duration timeout, ThrowingRunnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (Throwable failure) {
                if (System.nanoTime() >= deadline) {
                    rethrow(failure);
                }
            }
            try {
                Thread.sleep(POLL_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for assertion", e);
            }
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new AssertionError("Condition not met in time: " + failure, failure);
    }
}
