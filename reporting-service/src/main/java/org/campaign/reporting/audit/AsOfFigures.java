package org.campaign.reporting.audit;

import org.campaign.contracts.EventEnvelope;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.projection.SourcePosition;
import org.campaign.reporting.store.MemoryReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures as they stood at a past instant: every event of the event log that occurred at or before it, folded in
 * memory through the same projections as the live figures, in the order of their occurrence (and of their
 * sequence within an aggregate). Any report can be asked for with {@code asOf}; the result is kept for a minute,
 * as auditors tend to ask several reports about the same day. The cost grows with the size of the event log, so
 * as-of reports are for audits, not for dashboards.
 */
@Component
public class AsOfFigures {

    private static final Logger log = LoggerFactory.getLogger(AsOfFigures.class);
    private static final int CHUNK = 5_000;
    private static final long KEEP_MILLIS = 60_000;
    private static final int KEEP_AT_MOST = 4;

    private record Folded(ReadModelStore store, long foldedAt) {
    }

    private final EventLog eventLog;
    private final BatchProjector projector;
    private final Map<Instant, Folded> recent = new LinkedHashMap<>();

    public AsOfFigures(EventLog eventLog, BatchProjector projector) {
        this.eventLog = eventLog;
        this.projector = projector;
    }

    /**
     * Reads {@code asOf} as an ISO instant ({@code 2011-06-30T16:00:00Z}) or a date ({@code 2011-06-30}: the end of
     * that day in the reporting time zone).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public Instant parse(String asOf) {
        return instant("asOf", asOf, true);
    }

    /**
     * Reads the parameter {@code name} as an ISO instant or a date: the start or, with {@code endOfDay}, the end of
     * that day in the reporting time zone.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public Instant instant(String name, String value, boolean endOfDay) {
        try {
            if (value.length() <= 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(projector.zone()).toInstant().minusNanos(1)
                        : day.atStartOfDay(projector.zone()).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": must be an ISO instant (2011-06-30T16:00:00Z) or a date "
                    + "(2011-06-30), not " + value);
        }
    }

    public ZoneId zone() {
        return projector.zone();
    }

    /** The read models as they stood at {@code asOf}. */
    public synchronized ReadModelStore at(Instant asOf) {
        long now = System.currentTimeMillis();
        recent.values().removeIf(folded -> now - folded.foldedAt() > KEEP_MILLIS);
        Folded folded = recent.get(asOf);
        if (folded != null) {
            return folded.store();
        }
        long started = System.nanoTime();
        List<EventEnvelope> events = new ArrayList<>();
        eventLog.forEachUpTo(asOf, events::add);
        events.sort(Comparator.comparing(EventEnvelope::occurredAt).thenComparing(EventEnvelope::aggregateId)
                .thenComparingLong(EventEnvelope::sequence));
        MemoryReadModelStore store = new MemoryReadModelStore("as-of");
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<BatchProjector.Applied> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(events.size(), from + CHUNK); i++) {
                chunk.add(new BatchProjector.Applied(events.get(i), new SourcePosition("event-log", 0, i)));
            }
            projector.applyEvents(chunk, store);
        }
        log.info("Folded {} events up to {} in {} ms", events.size(), asOf, (System.nanoTime() - started) / 1_000_000);
        recent.put(asOf, new Folded(store, now));
        while (recent.size() > KEEP_AT_MOST) {
            recent.remove(recent.keySet().iterator().next());
        }
        return store;
    }
}
