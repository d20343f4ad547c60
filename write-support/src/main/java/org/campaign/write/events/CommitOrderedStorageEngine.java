package org.campaign.write.events;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.campaign.write.audit.HashChain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * Under the same lock each event is linked into its aggregate's hash chain ({@link HashChain}): the link is kept
 * in the event's meta-data under {@value HashChain#LINK}.
 */
public class CommitOrderedStorageEngine implements EventStorageEngine {

    private static final int CACHED_CHAINS = 10_000;

    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final Clock clock;
    private final ReentrantLock appendLock = new ReentrantLock(true);
    private final Map<String, String> lastLinks = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_CHAINS;
        }
    };
    private Instant lastStamp = Instant.EPOCH;

    public CommitOrderedStorageEngine(EventStorageEngine delegate, Serializer serializer, Clock clock) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.clock = clock;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        appendLock.lock();
        try {
            Instant stamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (stamp.isBefore(lastStamp)) {
                stamp = lastStamp;
            }
            lastStamp = stamp;
            Map<String, String> links = new HashMap<>();
            List<EventMessage<?>> stamped = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                stamped.add(event instanceof DomainEventMessage<?> domainEvent
                        ? stampAndChain(domainEvent, stamp, links) : event);
            }
            delegate.appendEvents(stamped);
            lastLinks.putAll(links);
        } finally {
            appendLock.unlock();
        }
    }

    private DomainEventMessage<?> stampAndChain(DomainEventMessage<?> event, Instant stamp,
                                                Map<String, String> links) {
        String aggregateId = event.getAggregateIdentifier();
        String previous = links.containsKey(aggregateId) ? links.get(aggregateId) : previousLink(event);
        String link = HashChain.link(previous, new HashChain.StoredEvent(event.getIdentifier(), aggregateId,
                event.getSequenceNumber(), event.getPayloadType().getName(),
                serializer.typeForClass(event.getPayloadType()).getRevision(), stamp,
                serializer.serialize(event.getPayload(), String.class).getData(),
                text(event.getMetaData().get(ActorMetaData.USER)),
                text(event.getMetaData().get(ActorMetaData.AGENCY))));
        links.put(aggregateId, link);
        return new GenericDomainEventMessage<>(event.getType(), aggregateId, event.getSequenceNumber(), event,
                stamp).andMetaData(Map.of(HashChain.LINK, link));
    }

    private String previousLink(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        String cached = lastLinks.get(event.getAggregateIdentifier());
        if (cached != null) {
            return cached;
        }
        DomainEventStream stream = delegate.readEvents(event.getAggregateIdentifier(),
                event.getSequenceNumber() - 1);
        if (!stream.hasNext()) {
            return HashChain.GENESIS;
        }
        Object link = stream.next().getMetaData().get(HashChain.LINK);
        return link == null ? HashChain.GENESIS : link.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
