package org.campaign.reporting.projection;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.reporting.store.BatchChanges;
import org.campaign.reporting.store.ProjectionTarget;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.evaluationEvent;
import static org.campaign.reporting.TestEvents.input;

/** How a batch keeps an event's changes: all of them when its projection returns, none when it fails part-way. */
class BatchProjectorTest {

    /** Counts and adds a member for every event, then refuses those whose payload says so. */
    static final class CountsThenRefuses implements EventProjection {

        @Override
        public Set<String> eventTypes() {
            return Set.of("Tallied");
        }

        @Override
        public String factKind() {
            return "tally";
        }

        @Override
        public void project(EventEnvelope event, ProjectionContext context) {
            context.count(new CounterKey(CounterKey.ALL, "tallies", CounterKey.ALL), "count", 1);
            context.addToSet(CounterKey.ALL, "tallied", CounterKey.ALL, event.aggregateId());
            if (event.payload().path("refuse").asBoolean()) {
                throw new UnprojectableEventException("refused after counting");
            }
            context.saveFact(new Document("tallied", true));
        }
    }

    /** Keeps what each batch wrote. */
    static final class Recording implements ProjectionTarget {

        final List<BatchChanges> written = new ArrayList<>();

        @Override
        public Map<String, Document> loadFacts(String kind, Collection<String> ids) {
            return Map.of();
        }

        @Override
        public void write(BatchChanges changes) {
            written.add(changes);
        }
    }

    final BatchProjector projector = new BatchProjector(new EnvelopeReader(), List.of(new CountsThenRefuses()),
            ZoneId.of("Asia/Shanghai"));

    @Test
    void theChangesOfAnEventWhoseProjectionFailsPartWayAreLeftOutOfTheBatch() {
        Recording target = new Recording();
        List<String> rejected = new ArrayList<>();
        List<BatchProjector.Input> inputs = List.of(
                input(new SourcePosition("t", 0, 0), tallied("a", false)),
                input(new SourcePosition("t", 0, 1), tallied("b", true)),
                input(new SourcePosition("t", 0, 2), tallied("c", false)));

        BatchProjector.Outcome outcome = projector.apply(inputs, target,
                (input, reason) -> rejected.add(input.position().offset() + ": " + reason.getMessage()));

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(rejected).containsExactly("1: refused after counting");
        BatchChanges changes = target.written.get(0);
        assertThat(changes.counters()).extracting(delta -> delta.position().offset()).containsExactly(0L, 2L);
        assertThat(changes.sets()).extracting(BatchChanges.SetAddition::member).containsExactly("a", "c");
        assertThat(changes.facts().get("tally")).containsOnlyKeys("a", "c");
    }

    static EventEnvelope tallied(String id, boolean refuse) {
        return evaluationEvent("Tallied", "Tally", id, 0, Map.of("refuse", refuse));
    }
}
