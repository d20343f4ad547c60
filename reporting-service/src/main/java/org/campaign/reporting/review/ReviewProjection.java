package org.campaign.reporting.review;

import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.ReviewRecorded;
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
 * Projects {@code ReviewRecorded} into the number of leadership reviews (领导点评) recorded, in total and per rating,
 * for the whole district and per campaign.
 * <p>
 * Exact under redelivery and duplicates by the same scheme as the pledge statistics (see
 * {@code PledgeProjection}): the review's fact is read first and an event at or below its {@code lastSequence}
 * is skipped; the counters are incremented under the record's Kafka offset guard ({@link GuardedCounters}); the
 * fact is written last, so a crash in between is repaired by the redelivered record without counting twice. A
 * second {@code ReviewRecorded} for a review already recorded (a different event) goes to the dead-letter topic.
 */
@Component
public class ReviewProjection implements EventProjection {

    static final String REVIEW_RECORDED = ReviewRecorded.class.getSimpleName();

    private static final Logger log = LoggerFactory.getLogger(ReviewProjection.class);

    private final EnvelopeReader reader;
    private final FactStore facts;
    private final GuardedCounters counters;

    public ReviewProjection(EnvelopeReader reader, FactStore facts, GuardedCounters counters) {
        this.reader = reader;
        this.facts = facts;
        this.counters = counters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        counters.ensureIndexes(ReviewStatistics.COLLECTION);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(REVIEW_RECORDED);
    }

    @Override
    public void project(EventEnvelope event, SourcePosition position) {
        ReviewFact existing = facts.find(ReviewStatistics.FACTS, event.aggregateId(), ReviewFact.class);
        if (existing != null && existing.lastSequence() >= event.sequence()) {
            log.debug("Skipping {} {} of review {} at sequence {}: already applied up to {}", event.type(),
                    event.eventId(), event.aggregateId(), event.sequence(), existing.lastSequence());
            return;
        }
        ReviewRecorded recorded = reader.payload(event, ReviewRecorded.class);
        if (!event.aggregateId().equals(recorded.reviewId())) {
            throw new UnprojectableEventException("ReviewRecorded " + event.eventId() + " names review "
                    + recorded.reviewId() + " but belongs to aggregate " + event.aggregateId());
        }
        if (existing != null) {
            throw new UnprojectableEventException("ReviewRecorded " + event.eventId() + ": review "
                    + recorded.reviewId() + " was already recorded by event " + existing.lastEventId());
        }
        ReviewFact fact = new ReviewFact(recorded.reviewId(), recorded.campaignId(), recorded.round(),
                recorded.subjectType() == null ? null : recorded.subjectType().name(), recorded.subjectId(),
                recorded.organisationId(), recorded.rating() == null ? null : recorded.rating().name(),
                event.occurredAt(), event.sequence(), event.eventId());
        counters.increment(ReviewStatistics.COLLECTION, position, countersOf(fact),
                Map.of(ReviewStatistics.RECORDED, 1L));
        facts.save(ReviewStatistics.FACTS, fact.reviewId(), event.sequence(), fact);
    }

    static List<CounterKey> countersOf(ReviewFact fact) {
        List<CounterKey> keys = new ArrayList<>();
        for (String scope : CounterKey.scopesOf(fact.campaignId())) {
            keys.add(new CounterKey(scope, CounterKey.TOTAL, CounterKey.ALL));
            keys.add(new CounterKey(scope, ReviewStatistics.RATING,
                    fact.rating() == null ? CounterKey.UNKNOWN : fact.rating()));
        }
        return keys;
    }
}
