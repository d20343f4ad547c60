package org.campaign.reporting.evaluation;

import org.campaign.contracts.EventEnvelope;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EnvelopeReader;
import org.campaign.reporting.projection.SourcePosition;
import org.campaign.reporting.store.MemoryReadModelStore;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.evaluationEvent;
import static org.campaign.reporting.TestEvents.input;

/** The ledger's statuses in the statistics are those of the evaluation service's ledger, step by step. */
class LedgerProjectionTest {

    static final String LEDGER = "cxzy-2011:2011:v1";

    final MemoryReadModelStore store = new MemoryReadModelStore("unit");
    final BatchProjector projector = new BatchProjector(new EnvelopeReader(), List.of(new LedgerProjection()),
            ZoneId.of("Asia/Shanghai"));
    long offset;

    @Test
    void aUnitGoesFromListedToClearedAndAFailedCheckLeavesItRectifying() {
        apply("LaggingUnitListed", 0, Map.of("campaignId", "cxzy-2011", "year", 2011, "organisationId", "v1",
                "townshipId", "t1", "total", 55.0));
        assertStatus("LISTED");

        apply("RectificationLeaderAssigned", 1, Map.of("leaderId", "leader-wang", "assignedOn", "2012-01-05"));
        assertStatus("LEADER_ASSIGNED");

        apply("RectificationMeasuresRecorded", 2, Map.of("measures", List.of("调整班子"), "dueOn", "2012-06-30"));
        apply("RectificationLeaderAssigned", 3, Map.of("leaderId", "leader-li", "assignedOn", "2012-02-01"));
        assertStatus("RECTIFYING");

        apply("RectificationProgressReported", 4, Map.of("progress", "班子已调整", "reportedOn", "2012-03-01"));
        apply("LaggingUnitCheckFailed", 5, Map.of("findings", "未达标", "checkedOn", "2012-04-02"));
        assertStatus("RECTIFYING");
        assertThat(store.fact(EvaluationStatistics.LEDGER_KIND, LEDGER).get("failedChecks")).isEqualTo(1L);

        apply("RectificationProgressReported", 6, Map.of("progress", "已整改", "reportedOn", "2012-05-01"));
        apply("LaggingUnitCleared", 7, Map.of("findings", "整顿达标", "checkedOn", "2012-06-30"));
        assertStatus("CLEARED");
        assertThat(ledger().get(CounterKey.ALL)).containsEntry(EvaluationStatistics.CHECK_FAILED, 1L)
                .containsEntry(EvaluationStatistics.CLEARED, 1L).containsEntry(EvaluationStatistics.ON_LEDGER, 0L);
    }

    void apply(String type, long sequence, Map<String, Object> fields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("ledgerId", LEDGER);
        EventEnvelope event = evaluationEvent(type, "LaggingUnit", LEDGER, sequence, payload);
        projector.apply(List.of(input(new SourcePosition("unit.evaluation-events", 0, offset++), event)), store,
                (input, reason) -> {
                    throw new AssertionError(reason);
                });
    }

    /** The unit's status, and the units per status: one in its status, none in any other. */
    void assertStatus(String status) {
        assertThat(store.fact(EvaluationStatistics.LEDGER_KIND, LEDGER).getString("status")).isEqualTo(status);
        Map<String, Long> units = new HashMap<>();
        counters(EvaluationStatistics.LEDGER_STATUS).forEach((key, fields) ->
                units.put(key, fields.getOrDefault(EvaluationStatistics.UNITS, 0L)));
        units.values().removeIf(count -> count == 0);
        assertThat(units).containsExactly(Map.entry(status, 1L));
    }

    Map<String, Map<String, Long>> ledger() {
        return counters(EvaluationStatistics.LEDGER);
    }

    Map<String, Map<String, Long>> counters(String dimension) {
        return store.counters(CounterFamily.of(dimension), CounterKey.ALL).getOrDefault(dimension, Map.of());
    }
}
