package org.campaign.reporting.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.TopicPartition;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.roster.OrganisationProjection;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live projection has done: per source partition the newest event time applied, when it was applied and
 * the consumer's lag; a version number that grows with every batch that changed something (the live stream
 * pushes new figures when it moves). Published to Micrometer:
 * <ul>
 *     <li>{@code reporting.projection.events} — events applied (counter);</li>
 *     <li>{@code reporting.projection.batch} — time to apply one batch (timer);</li>
 *     <li>{@code reporting.projection.freshness} — from an event's {@code occurredAt} to its figures being written
 *     (timer);</li>
 *     <li>{@code reporting.projection.lag} — records not yet consumed, summed over partitions, as the consumer last
 *     saw it (gauge);</li>
 *     <li>{@code reporting.projection.last.event.age} — seconds since the {@code occurredAt} of the newest event
 *     applied (gauge).</li>
 * </ul>
 */
@Component
public class ProjectionMonitor {

    /** One source partition as last seen by the live projection. */
    public record PartitionState(Instant lastEventTime, Instant lastAppliedAt, Long lag) {
    }

    private final Map<String, PartitionState> partitions = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong rosterVersion = new AtomicLong();
    /** The event types that change the organisation tree. */
    private final Set<String> rosterEvents;
    private final Counter events;
    private final Timer batches;
    private final Timer freshness;

    public ProjectionMonitor(MeterRegistry registry, OrganisationProjection organisations) {
        this.rosterEvents = organisations.eventTypes();
        this.events = Counter.builder("reporting.projection.events").description("Events applied by the live projection")
                .register(registry);
        this.batches = Timer.builder("reporting.projection.batch").description("Time to apply one batch")
                .register(registry);
        this.freshness = Timer.builder("reporting.projection.freshness")
                .description("From an event's occurredAt to its figures being written")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("reporting.projection.lag", this, ProjectionMonitor::totalLag)
                .description("Records not yet consumed by the live projection, over all partitions")
                .register(registry);
        Gauge.builder("reporting.projection.last.event.age", this, ProjectionMonitor::lastEventAgeSeconds)
                .description("Seconds since the occurredAt of the newest event applied").baseUnit("seconds")
                .register(registry);
    }

    /** Records what a batch did. */
    public void applied(BatchProjector.Outcome outcome, long nanos) {
        Instant now = Instant.now();
        batches.record(Duration.ofNanos(nanos));
        events.increment(outcome.applied());
        outcome.lastEventTimes().forEach((partition, time) -> partitions.merge(partition,
                new PartitionState(time, now, null), (old, fresh) -> new PartitionState(
                        old.lastEventTime() != null && old.lastEventTime().isAfter(time) ? old.lastEventTime() : time,
                        now, old.lag())));
        boolean roster = false;
        for (BatchProjector.Applied applied : outcome.readable()) {
            if (applied.event().occurredAt() != null) {
                freshness.record(Duration.between(applied.event().occurredAt(), now));
            }
            roster |= rosterEvents.contains(applied.event().type());
        }
        if (outcome.applied() > 0) {
            version.incrementAndGet();
        }
        if (roster) {
            rosterVersion.incrementAndGet();
        }
    }

    public void lag(TopicPartition partition, long lag) {
        partitions.compute(partition.topic() + "-" + partition.partition(), (key, old) -> old == null
                ? new PartitionState(null, null, lag)
                : new PartitionState(old.lastEventTime(), old.lastAppliedAt(), lag));
    }

    /** Grows with every batch that applied an event. */
    public long version() {
        return version.get();
    }

    /** Grows with every batch that changed the organisation tree. */
    public long rosterVersion() {
        return rosterVersion.get();
    }

    /** Marks every figure as changed (after a switch to another generation). */
    public void changedEverything() {
        version.incrementAndGet();
        rosterVersion.incrementAndGet();
    }

    public Map<String, PartitionState> partitions() {
        return Map.copyOf(partitions);
    }

    public Instant lastEventTime() {
        return partitions.values().stream().map(PartitionState::lastEventTime).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    double totalLag() {
        return partitions.values().stream().map(PartitionState::lag).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sum();
    }

    double lastEventAgeSeconds() {
        Instant last = lastEventTime();
        return last == null ? Double.NaN : Duration.between(last, Instant.now()).toMillis() / 1000.0;
    }
}
