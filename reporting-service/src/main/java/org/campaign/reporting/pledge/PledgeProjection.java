package org.campaign.reporting.pledge;

import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.pledge.PledgeFulfilled;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EnvelopeReader;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.FactStore;
import org.campaign.reporting.projection.GuardedCounters;
import org.campaign.reporting.projection.SourcePosition;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projects {@code PledgeMade} and {@code PledgeFulfilled} into pledges made and fulfilled, in total and per sector,
 * township, kind and member category, for the whole district and per campaign.
 * <p>
 * <b>Why the figures are exact under redelivery and duplicates.</b> Each event is applied in three steps:
 * <ol>
 *     <li>read the pledge's fact; if its {@code lastSequence} is at or beyond the event's sequence, the event was
 *     applied before (a duplicate published by the write side, or a record redelivered after the fact was
 *     written): skip it;</li>
 *     <li>compute the counter increments from the fact and the event, and apply them through
 *     {@link GuardedCounters}, each guarded by the Kafka offset of the record;</li>
 *     <li>write the fact with the event's sequence.</li>
 * </ol>
 * A crash between 2 and 3 (or part-way through 2) leaves the fact as it was, so the redelivered record — same
 * topic, partition and offset, because Kafka redelivers from the last committed offset — computes the same
 * increments from the same fact; the counters it already reached refuse them by their offset guard, the others
 * take them, and step 3 completes. A crash after 3 makes step 1 skip the redelivered record. The same event
 * published twice arrives at a second offset, but by then the fact of the first copy is written (records of one
 * pledge share a key, hence a partition, and are consumed in order), so step 1 skips it. Nothing needs a
 * transaction: every write is a single-document atomic upsert, which mongo-java-server supports too.
 * <p>
 * <b>Events the read model cannot place.</b> A {@code PledgeFulfilled} for a pledge without a fact (never made,
 * or made on another partition after a re-partitioning), and a second {@code PledgeMade} for a pledge already
 * made, raise {@link UnprojectableEventException}: the record goes to the dead-letter topic instead of being
 * silently dropped, so it can be inspected and, once its {@code PledgeMade} is projected, re-published. A second
 * {@code PledgeFulfilled} of a fulfilled pledge only advances the fact's sequence.
 */
@Component
public class PledgeProjection implements EventProjection {

    static final String PLEDGE_MADE = PledgeMade.class.getSimpleName();
    static final String PLEDGE_FULFILLED = PledgeFulfilled.class.getSimpleName();

    private static final Logger log = LoggerFactory.getLogger(PledgeProjection.class);

    private final EnvelopeReader reader;
    private final FactStore facts;
    private final GuardedCounters counters;

    public PledgeProjection(EnvelopeReader reader, FactStore facts, GuardedCounters counters) {
        this.reader = reader;
        this.facts = facts;
        this.counters = counters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        counters.ensureIndexes(PledgeStatistics.COLLECTION);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PLEDGE_MADE, PLEDGE_FULFILLED);
    }

    @Override
    public void project(EventEnvelope event, SourcePosition position) {
        PledgeFact fact = facts.find(PledgeStatistics.FACTS, event.aggregateId(), PledgeFact.class);
        if (fact != null && fact.lastSequence() >= event.sequence()) {
            log.debug("Skipping {} {} of pledge {} at sequence {}: already applied up to {}", event.type(),
                    event.eventId(), event.aggregateId(), event.sequence(), fact.lastSequence());
            return;
        }
        if (PLEDGE_MADE.equals(event.type())) {
            made(event, fact, position);
        } else if (PLEDGE_FULFILLED.equals(event.type())) {
            fulfilled(event, fact, position);
        }
    }

    private void made(EventEnvelope event, PledgeFact existing, SourcePosition position) {
        PledgeMade made = reader.payload(event, PledgeMade.class);
        requireSamePledge(event, made.pledgeId());
        Pledger pledger = made.pledger();
        if (pledger == null) {
            throw new UnprojectableEventException("PledgeMade " + event.eventId() + " has no pledger");
        }
        if (existing != null) {
            throw new UnprojectableEventException("PledgeMade " + event.eventId() + ": pledge " + made.pledgeId()
                    + " was already made by event " + existing.lastEventId());
        }
        PledgeFact fact = new PledgeFact(made.pledgeId(), made.campaignId(), name(pledger.type()), pledger.id(),
                pledger.organisationId(), name(pledger.sector()), text(pledger.townshipId()),
                pledger.type() == PledgerType.MEMBER ? name(pledger.memberCategory()) : null, name(made.kind()),
                PledgeFact.MADE, event.occurredAt(), null, event.sequence(), event.eventId());
        counters.increment(PledgeStatistics.COLLECTION, position, countersOf(fact),
                Map.of(PledgeStatistics.MADE, 1L));
        facts.save(PledgeStatistics.FACTS, fact.pledgeId(), event.sequence(), fact);
    }

    private void fulfilled(EventEnvelope event, PledgeFact fact, SourcePosition position) {
        PledgeFulfilled fulfilled = reader.payload(event, PledgeFulfilled.class);
        requireSamePledge(event, fulfilled.pledgeId());
        if (fact == null) {
            throw new UnprojectableEventException("PledgeFulfilled " + event.eventId() + " for unknown pledge "
                    + event.aggregateId() + ": no PledgeMade was projected for it");
        }
        if (fact.fulfilled()) {
            log.info("Pledge {} was already fulfilled; event {} changes no figure", fact.pledgeId(), event.eventId());
            facts.save(PledgeStatistics.FACTS, fact.pledgeId(), event.sequence(),
                    fact.advance(event.sequence(), event.eventId()));
            return;
        }
        counters.increment(PledgeStatistics.COLLECTION, position, countersOf(fact),
                Map.of(PledgeStatistics.FULFILLED, 1L));
        facts.save(PledgeStatistics.FACTS, fact.pledgeId(), event.sequence(),
                fact.fulfil(fulfilled.fulfilledOn(), event.sequence(), event.eventId()));
    }

    /** Every statistic a pledge counts in. */
    static List<CounterKey> countersOf(PledgeFact fact) {
        List<CounterKey> keys = new ArrayList<>();
        for (String scope : CounterKey.scopesOf(fact.campaignId())) {
            keys.add(new CounterKey(scope, CounterKey.TOTAL, CounterKey.ALL));
            keys.add(new CounterKey(scope, PledgeStatistics.SECTOR, orUnknown(fact.sector())));
            keys.add(new CounterKey(scope, PledgeStatistics.TOWNSHIP, orUnknown(fact.townshipId())));
            keys.add(new CounterKey(scope, PledgeStatistics.KIND, orUnknown(fact.kind())));
            if (PledgerType.MEMBER.name().equals(fact.pledgerType())) {
                keys.add(new CounterKey(scope, PledgeStatistics.MEMBER_CATEGORY, orUnknown(fact.memberCategory())));
            }
        }
        return keys;
    }

    private static void requireSamePledge(EventEnvelope event, String pledgeId) {
        if (!event.aggregateId().equals(pledgeId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names pledge " + pledgeId
                    + " but belongs to aggregate " + event.aggregateId());
        }
    }

    private static String orUnknown(String value) {
        return value == null ? CounterKey.UNKNOWN : value;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
