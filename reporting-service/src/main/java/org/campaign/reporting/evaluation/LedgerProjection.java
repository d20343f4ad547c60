package org.campaign.reporting.evaluation;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.reporting.projection.Contribution;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.campaign.reporting.projection.Values;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.campaign.reporting.evaluation.EvaluationStatistics.*;

/**
 * The lagging-unit ledger (整顿后进基层党组织台账): units listed after a lagging assessment, their rectification
 * measures, responsible leader and progress, until a final check clears them (or fails them, keeping them on the
 * ledger). Each entry is a fact, listed by the assessments report; the counters give the ledger's progress per
 * status and township.
 * <p>
 * Statuses, as the evaluation service's ledger names them: {@code LISTED} → {@code LEADER_ASSIGNED} (a responsible
 * leader, before any measures) → {@code RECTIFYING} (measures recorded) → {@code CLEARED}. A failed final check
 * leaves the unit {@code RECTIFYING} and counts in its {@code failedChecks}.
 */
@Component
public class LedgerProjection implements EventProjection {

    @Override
    public Set<String> eventTypes() {
        return Set.of("LaggingUnitListed", "RectificationMeasuresRecorded", "RectificationLeaderAssigned",
                "RectificationProgressReported", "LaggingUnitCheckFailed", "LaggingUnitCleared");
    }

    @Override
    public String factKind() {
        return LEDGER_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        String ledgerId = Values.required(event, "ledgerId");
        if (!event.aggregateId().equals(ledgerId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names ledger entry "
                    + ledgerId + " but belongs to aggregate " + event.aggregateId());
        }
        Document before = context.fact();
        Document after;
        if ("LaggingUnitListed".equals(event.type())) {
            if (before != null) {
                throw new UnprojectableEventException("LaggingUnitListed " + event.eventId() + ": " + ledgerId
                        + " is already on the ledger");
            }
            BigDecimal total = Values.decimal(event, "total");
            after = new Document("ledgerId", ledgerId)
                    .append("assessmentId", Values.text(event.payload(), "assessmentId"))
                    .append("campaignId", Values.text(event.payload(), "campaignId"))
                    .append("year", Values.integer(event, "year"))
                    .append("organisationId", Values.required(event, "organisationId"))
                    .append("townshipId", Values.text(event.payload(), "townshipId"))
                    .append("total", total == null ? null : total.toPlainString())
                    .append("status", "LISTED")
                    .append("listedAt", event.occurredAt() == null ? null : event.occurredAt().toString())
                    .append("progressReports", 0L)
                    .append("failedChecks", 0L);
        } else {
            if (before == null) {
                throw new UnprojectableEventException(event.type() + " " + event.eventId() + " for unknown ledger entry "
                        + ledgerId + ": no LaggingUnitListed was projected for it");
            }
            after = new Document(before);
            boolean cleared = "CLEARED".equals(before.getString("status"));
            switch (event.type()) {
                case "RectificationMeasuresRecorded" -> {
                    List<String> measures = Values.texts(event.payload(), "measures");
                    after.append("measures", measures).append("dueOn", Values.text(event.payload(), "dueOn"));
                    if (!cleared) {
                        after.append("status", "RECTIFYING");
                    }
                }
                case "RectificationLeaderAssigned" -> {
                    after.append("leaderId", Values.text(event.payload(), "leaderId"));
                    if ("LISTED".equals(before.getString("status"))) {
                        after.append("status", "LEADER_ASSIGNED");
                    }
                }
                case "RectificationProgressReported" -> after
                        .append("progressReports", Values.number(before, "progressReports") + 1)
                        .append("lastProgress", Values.text(event.payload(), "progress"))
                        .append("lastProgressOn", Values.text(event.payload(), "reportedOn"));
                case "LaggingUnitCheckFailed" -> after.append("checkFailed", true)
                        .append("failedChecks", Values.number(before, "failedChecks") + 1)
                        .append("findings", Values.text(event.payload(), "findings"))
                        .append("checkedOn", Values.text(event.payload(), "checkedOn"));
                default -> after.append("status", "CLEARED")
                        .append("findings", Values.text(event.payload(), "findings"))
                        .append("checkedOn", Values.text(event.payload(), "checkedOn"));
            }
        }
        Contribution.applyDifference(contribution(before), contribution(after), context);
        context.saveFact(after);
    }

    static Contribution contribution(Document fact) {
        Contribution contribution = new Contribution();
        if (fact == null) {
            return contribution;
        }
        String status = fact.getString("status");
        boolean cleared = "CLEARED".equals(status);
        for (String scope : CounterKey.scopesOf(fact.getString("campaignId"))) {
            for (CounterKey key : List.of(new CounterKey(scope, LEDGER, CounterKey.ALL),
                    new CounterKey(scope, LEDGER_TOWNSHIP, fact.getString("townshipId")))) {
                contribution.add(key, LISTED, 1)
                        .add(key, ON_LEDGER, cleared ? 0 : 1)
                        .add(key, CLEARED, cleared ? 1 : 0)
                        .add(key, WITH_MEASURES, fact.get("measures") != null ? 1 : 0)
                        .add(key, WITH_LEADER, fact.get("leaderId") != null ? 1 : 0)
                        .add(key, CHECK_FAILED, Values.flag(fact, "checkFailed") ? 1 : 0);
            }
            contribution.add(new CounterKey(scope, LEDGER_STATUS, status), UNITS, 1);
        }
        return contribution;
    }
}
