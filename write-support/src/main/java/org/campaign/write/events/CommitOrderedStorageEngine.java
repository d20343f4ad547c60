package org.campaign.write.events;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Makes the order in which events become visible in MongoDB the same as the order of their timestamps.
 * <p>
 * Axon's Mongo event store tracks its readers by timestamp: a reader asks for events stamped at or after the
 * oldest event in its look-back window. An event stamped at 10:00:00.100 but committed after an event stamped
 * 10:00:00.900 (two commands racing) would be invisible to a reader that had already moved past the window —
 * lost for every tracking processor, including the one that publishes to Kafka.
 * <p>
 * This engine removes the race for all writers in one service instance: appends are serialised, and each event
 * is re-stamped at append time with a clock that never goes backwards. An event that commits later therefore
 * never carries an earlier timestamp than one already visible. Several instances of one service writing to the
 * same store are covered only by the look-back window (see {@code campaign.events.tracking-look-back}); run one
 * writer per store, or keep that window wider than the longest append.
 */
public class CommitOrderedStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Clock clock;
    private final ReentrantLock appendLock = new ReentrantLock(true);
    private Instant lastStamp = Instant.EPOCH;

    public CommitOrderedStorageEngine(EventStorageEngine delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        appendLock.lock();
        try {
            Instant stamp = clock.instant();
            if (stamp.isBefore(lastStamp)) {
                stamp = lastStamp;
            }
            lastStamp = stamp;
            List<EventMessage<?>> stamped = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                stamped.add(restamp(event, stamp));
            }
            delegate.appendEvents(stamped);
        } finally {
            appendLock.unlock();
        }
    }

    private static EventMessage<?> restamp(EventMessage<?> event, Instant stamp) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getSequenceNumber(), domainEvent, stamp);
        }
        return event;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
