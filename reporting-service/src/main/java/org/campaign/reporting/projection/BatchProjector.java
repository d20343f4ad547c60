package org.campaign.reporting.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.reporting.store.BatchChanges;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ProjectionTarget;
import org.campaign.reporting.store.ReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of records — one Kafka poll — to a {@link ProjectionTarget} (a {@link ReadModelStore}, or the
 * {@link org.campaign.reporting.store.GenerationBuilder} of a rebuild), with as few round trips as the
 * figures allow: the facts of every aggregate in the batch are read in one query per kind, the events are applied
 * in order in memory, and the changed counters, sets and facts are written in one bulk write per collection.
 * <p>
 * For each event, in record order: the fact of its aggregate is taken from the batch's working set; an event at or
 * below the fact's {@code lastSequence} was applied before (a duplicate published by the write side, or a record
 * redelivered after its batch was written) and is skipped; otherwise its projection runs against a staging
 * context, whose changes stay in the batch only when the projection returns normally. An event that can
 * never be applied ({@link UnprojectableEventException}: malformed JSON, an unreadable payload, a fulfilment of an
 * unknown pledge…) changes nothing and is handed to the caller's {@link Rejections} once the batch is written;
 * events of types no projection handles are ignored.
 */
@Component
public class BatchProjector {

    /**
     * One record to apply: where it was read, its value as stored (an event envelope as JSON, in UTF-8) and the
     * Kafka record itself, when there is one (the live projection dead-letters it; a rebuild only logs it).
     */
    public record Input(SourcePosition position, byte[] value, ConsumerRecord<?, byte[]> record) {

        /** A record as a consumer read it. */
        public static Input of(ConsumerRecord<?, byte[]> record) {
            return new Input(SourcePosition.of(record), record.value(), record);
        }
    }

    /** Receives the records that can never be applied, after the batch was written. */
    @FunctionalInterface
    public interface Rejections {
        void reject(Input input, UnprojectableEventException reason);
    }

    /** An event read from a record, with where it was read. */
    public record Applied(EventEnvelope event, SourcePosition position) {
    }

    /**
     * What a batch did.
     *
     * @param readable        every record that was a readable envelope (for the event log), in order
     * @param lastEventTimes  per source topic-partition ({@code topic-partition}), the newest {@code occurredAt}
     *                        among the batch's events
     */
    public record Outcome(List<Applied> readable, int applied, int skipped, int ignored, int rejected,
                          Map<String, Instant> lastEventTimes) {
    }

    private static final Logger log = LoggerFactory.getLogger(BatchProjector.class);
    /** About how many counter deltas an event makes, to size a batch's list of them (it grows past). */
    private static final int EXPECTED_DELTAS = 8;

    private final EnvelopeReader reader;
    private final Map<String, EventProjection> projections = new HashMap<>();
    private final ZoneId zone;

    public BatchProjector(EnvelopeReader reader, List<EventProjection> projections,
                          @Value("${campaign.reporting.zone:Asia/Shanghai}") ZoneId zone) {
        this.reader = reader;
        this.zone = zone;
        for (EventProjection projection : projections) {
            for (String type : projection.eventTypes()) {
                EventProjection previous = this.projections.put(type, projection);
                if (previous != null) {
                    throw new IllegalStateException("Event type " + type + " is projected by both "
                            + previous.getClass().getName() + " and " + projection.getClass().getName());
                }
            }
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** Reads the records and applies them. */
    public Outcome apply(List<Input> inputs, ProjectionTarget store, Rejections rejections) {
        List<Applied> readable = new ArrayList<>(inputs.size());
        List<Input> readableInputs = new ArrayList<>(inputs.size());
        List<Map.Entry<Input, UnprojectableEventException>> rejected = new ArrayList<>();
        for (Input input : inputs) {
            try {
                readable.add(new Applied(reader.read(input.value()), input.position()));
                readableInputs.add(input);
            } catch (UnprojectableEventException e) {
                rejected.add(Map.entry(input, e));
            }
        }
        Outcome outcome = applyEvents(readable, readableInputs, store, rejected);
        for (Map.Entry<Input, UnprojectableEventException> rejection : rejected) {
            rejections.reject(rejection.getKey(), rejection.getValue());
        }
        return outcome;
    }

    /** Applies events already read (e.g. from the event log); unprojectable ones are logged and left out. */
    public Outcome applyEvents(List<Applied> events, ProjectionTarget store) {
        List<Map.Entry<Input, UnprojectableEventException>> rejected = new ArrayList<>();
        Outcome outcome = applyEvents(events, null, store, rejected);
        rejected.forEach(r -> log.debug("Left out {}: {}", r.getKey().position(), r.getValue().getMessage()));
        return outcome;
    }

    private Outcome applyEvents(List<Applied> events, List<Input> inputs, ProjectionTarget store,
                                List<Map.Entry<Input, UnprojectableEventException>> rejected) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (Applied applied : events) {
            EventProjection projection = projections.get(applied.event().type());
            if (projection != null) {
                wanted.computeIfAbsent(projection.factKind(), k -> new LinkedHashSet<>())
                        .add(applied.event().aggregateId());
            }
        }
        Map<String, Map<String, Document>> working = new HashMap<>();
        wanted.forEach((kind, ids) -> working.put(kind, new HashMap<>(store.loadFacts(kind, ids))));

        BatchChanges changes = new BatchChanges(events.size() * EXPECTED_DELTAS);
        Map<String, Instant> lastEventTimes = new LinkedHashMap<>();
        int applied = 0;
        int skipped = 0;
        int ignored = 0;
        int failed = rejected.size();
        String lastTopic = null;
        int lastPartition = -1;
        String partitionName = null;
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i).event();
            SourcePosition position = events.get(i).position();
            if (event.occurredAt() != null) {
                if (!position.topic().equals(lastTopic) || position.partition() != lastPartition) {
                    lastTopic = position.topic();
                    lastPartition = position.partition();
                    partitionName = lastTopic + "-" + lastPartition;
                }
                lastEventTimes.merge(partitionName, event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            EventProjection projection = projections.get(event.type());
            if (projection == null) {
                log.debug("Ignoring {} {} at {}: no projection for this type", event.type(), event.eventId(), position);
                ignored++;
                continue;
            }
            Map<String, Document> facts = working.get(projection.factKind());
            Document fact = facts.get(event.aggregateId());
            if (fact != null && sequenceOf(fact) >= event.sequence()) {
                log.debug("Skipping {} {} of {} at sequence {}: already applied up to {}", event.type(),
                        event.eventId(), event.aggregateId(), event.sequence(), sequenceOf(fact));
                skipped++;
                continue;
            }
            Staging staging = new Staging(position, fact, changes);
            try {
                projection.project(event, staging);
            } catch (UnprojectableEventException e) {
                staging.discard();
                Input input = inputs == null ? new Input(position, null, null) : inputs.get(i);
                rejected.add(Map.entry(input, e));
                failed++;
                continue;
            }
            Document saved = staging.saved != null ? staging.saved : fact != null ? new Document(fact) : new Document();
            saved.put(MongoReadModelStore.LAST_SEQUENCE, event.sequence());
            saved.put("lastEventId", event.eventId());
            facts.put(event.aggregateId(), saved);
            changes.saveFact(projection.factKind(), event.aggregateId(), saved);
            applied++;
        }
        if (!changes.isEmpty()) {
            store.write(changes);
        }
        return new Outcome(events, applied, skipped, ignored, failed, lastEventTimes);
    }

    private static long sequenceOf(Document fact) {
        Object sequence = fact.get(MongoReadModelStore.LAST_SEQUENCE);
        return sequence instanceof Number number ? number.longValue() : -1;
    }

    /**
     * The context of one event's projection: its counter deltas and set additions join the batch's changes as they
     * come, and are {@link #discard discarded} when the projection fails; its fact joins them only when the
     * projection returned normally.
     */
    private final class Staging implements ProjectionContext {

        private final SourcePosition position;
        private final String source;
        private final Document fact;
        private Document saved;
        private final BatchChanges changes;
        private final int countersBefore;
        private final int setsBefore;

        Staging(SourcePosition position, Document fact, BatchChanges changes) {
            this.position = position;
            this.source = position.source();
            this.fact = fact;
            this.changes = changes;
            this.countersBefore = changes.counters().size();
            this.setsBefore = changes.sets().size();
        }

        void discard() {
            changes.discardAfter(countersBefore, setsBefore);
        }

        @Override
        public SourcePosition position() {
            return position;
        }

        @Override
        public ZoneId zone() {
            return zone;
        }

        @Override
        public Document fact() {
            return fact;
        }

        @Override
        public void saveFact(Document fact) {
            this.saved = fact;
        }

        @Override
        public void count(List<CounterKey> keys, String field, long delta) {
            if (delta != 0 && !keys.isEmpty()) {
                changes.count(new BatchChanges.CounterDelta(CounterGroups.immutable(keys), position, source, field,
                        delta));
            }
        }

        @Override
        public void addToSet(String scope, String kind, String key, String member) {
            if (member != null && !member.isBlank()) {
                changes.addToSet(new BatchChanges.SetAddition(scope, kind, key == null ? CounterKey.UNKNOWN : key,
                        member));
            }
        }
    }
}
