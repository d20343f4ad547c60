package org.campaign.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.campaign.contracts.EventEnvelope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

import static org.campaign.service.web.Text.blankToNull;

/**
 * The records of the event log for auditors: the search of records (pledges, reviews, evaluations, assessments,
 * ledger entries, organisations, members…) and the history of any one of them.
 */
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

    private static final String ID = "[^\\s]{1,200}";
    /** The aggregate types of the write services, as their envelopes name them. */
    private static final String AGGREGATE_TYPE_LIST = "Pledge, Organisation, Member, Campaign, Review, Assignment, "
            + "MassEvaluation, Assessment, AssessmentScheme, LaggingUnit";
    private static final String AGGREGATE_TYPES = "Pledge|Organisation|Member|Campaign|Review|Assignment"
            + "|MassEvaluation|Assessment|AssessmentScheme|LaggingUnit";

    private final EventLog eventLog;
    private final AuditRecords records;
    private final AsOfFigures asOf;

    public AuditController(EventLog eventLog, AuditRecords records, AsOfFigures asOf) {
        this.eventLog = eventLog;
        this.records = records;
        this.asOf = asOf;
    }

    /**
     * The records the event log knows, newest activity first: {@code q} matches the start of the id, the label or
     * an organisation or subject id in the payloads (case-insensitively); {@code from}/{@code to} (dates or ISO
     * instants) keep the records with activity between them (first event at or before {@code to}, last at or after
     * {@code from}).
     */
    @GetMapping("/records")
    public AuditRecords.RecordPage records(
            @RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
            @RequestParam(required = false)
            @Pattern(regexp = AGGREGATE_TYPES, message = "must be one of " + AGGREGATE_TYPE_LIST) String type,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an agency id") String agencyId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a user id") String userId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be greater than or equal to 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100") int size) {
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("from: must not be after to");
        }
        return records.search(new AuditRecords.Search(blankToNull(q), blankToNull(type), blankToNull(agencyId),
                blankToNull(userId), start, end, page, size));
    }

    /** A date (the start or the end of that day in the reporting time zone) or an ISO instant. */
    private Instant bound(String name, String value, boolean endOfDay) {
        return value == null || value.isBlank() ? null : asOf.instant(name, value, endOfDay);
    }

    @GetMapping("/history/{aggregateId}")
    public History history(@PathVariable @Pattern(regexp = ID, message = "must be an id") String aggregateId) {
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
