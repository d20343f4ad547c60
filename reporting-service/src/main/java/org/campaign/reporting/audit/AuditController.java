package org.campaign.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import org.campaign.contracts.EventEnvelope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

/** The history of any pledge, review, evaluation, assessment or roster record, from the event log. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    /** Every event of one aggregate in sequence order. */
    public record History(String aggregateId, String aggregateType, String source, int events, List<Entry> history) {
    }

    /** One event: when, who (user and agency), the correlation id of the request, the type and the payload. */
    public record Entry(long sequence, String eventId, String type, String revision, Instant occurredAt, String userId,
                        String agencyId, String correlationId, JsonNode payload) {
    }

    private final EventLog eventLog;

    public AuditController(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @GetMapping("/history/{aggregateId}")
    public History history(@PathVariable @Pattern(regexp = "[^\\s]{1,200}", message = "must be an id") String aggregateId) {
        List<EventEnvelope> events = eventLog.history(aggregateId);
        if (events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No events of " + aggregateId);
        }
        EventEnvelope first = events.get(0);
        List<Entry> entries = events.stream().map(e -> new Entry(e.sequence(), e.eventId(), e.type(), e.revision(),
                e.occurredAt(), e.actor() == null ? null : e.actor().userId(),
                e.actor() == null ? null : e.actor().agencyId(), e.correlationId(), e.payload())).toList();
        return new History(aggregateId, first.aggregateType(), first.source(), entries.size(), entries);
    }
}
