package org.campaign.evaluation.ledger;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.EvaluationScored;
import org.campaign.contracts.evaluation.LaggingUnitCheckFailed;
import org.campaign.contracts.evaluation.LaggingUnitCleared;
import org.campaign.contracts.evaluation.LaggingUnitListed;
import org.campaign.contracts.evaluation.RectificationLeaderAssigned;
import org.campaign.contracts.evaluation.RectificationMeasuresRecorded;
import org.campaign.contracts.evaluation.RectificationProgressReported;
import org.campaign.evaluation.ledger.LedgerCommands.AssignRectificationLeader;
import org.campaign.evaluation.ledger.LedgerCommands.RecordFinalCheck;
import org.campaign.evaluation.ledger.LedgerCommands.RecordRectificationMeasures;
import org.campaign.evaluation.ledger.LedgerCommands.ReportRectificationProgress;
import org.campaign.write.CommandRefused;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.campaign.evaluation.ledger.LedgerStatus.CLEARED;
import static org.campaign.evaluation.ledger.LedgerStatus.LEADER_ASSIGNED;
import static org.campaign.evaluation.ledger.LedgerStatus.LISTED;
import static org.campaign.evaluation.ledger.LedgerStatus.RECTIFYING;
import static org.campaign.write.BusinessDates.requireNotBefore;

/**
 * A lagging organisation's entry in the rectification ledger (整顿后进基层党组织台账): a responsible leader
 * (领导分包), measures, progress, and a final check that clears it or keeps it listed. Created only by its
 * assessment ({@link #list}). Progress is dated no earlier than the first leader's assignment, a check no earlier
 * than the latest progress report and the previous check.
 */
@Aggregate
public class LaggingUnit {

    @AggregateIdentifier
    private String ledgerId;
    private LedgerStatus status;
    private String leaderId;
    private LocalDate firstLeaderAssignedOn;
    private LocalDate lastReportedOn;
    private LocalDate lastCheckedOn;
    private boolean progressSinceCheck;

    protected LaggingUnit() {
        // for event sourcing
    }

    private LaggingUnit(LaggingUnitListed listed) {
        apply(listed);
    }

    /** The ledger entry of the organisation an assessment graded lagging; called while that assessment is scored. */
    public static LaggingUnit list(EvaluationScored scored) {
        return new LaggingUnit(new LaggingUnitListed(idOf(scored.campaignId(), scored.year(), scored.subjectId()),
                scored.assessmentId(), scored.campaignId(), scored.year(), scored.subjectId(), scored.townshipId(),
                scored.total()));
    }

    /** One ledger entry per organisation and year of a campaign. */
    public static String idOf(String campaignId, int year, String organisationId) {
        return campaignId + ":" + year + ":" + organisationId;
    }

    @CommandHandler
    void handle(AssignRectificationLeader command) {
        require(EnumSet.of(LISTED, LEADER_ASSIGNED, RECTIFYING), "assign a responsible leader");
        if (command.leaderId().equals(leaderId)) {
            throw CommandRefused.conflict(leaderId + " is already responsible for rectifying " + ledgerId);
        }
        apply(new RectificationLeaderAssigned(ledgerId, command.leaderId(), command.assignedOn()));
    }

    @CommandHandler
    void handle(RecordRectificationMeasures command) {
        require(EnumSet.of(LEADER_ASSIGNED, RECTIFYING), "record rectification measures");
        apply(new RectificationMeasuresRecorded(ledgerId, command.measures(), command.dueOn()));
    }

    @CommandHandler
    void handle(ReportRectificationProgress command) {
        require(EnumSet.of(RECTIFYING), "report rectification progress");
        requireNotBefore("reportedOn", command.reportedOn(), firstLeaderAssignedOn,
                "a leader was made responsible for the unit");
        apply(new RectificationProgressReported(ledgerId, command.progress(), command.reportedOn()));
    }

    @CommandHandler
    void handle(RecordFinalCheck command) {
        require(EnumSet.of(RECTIFYING), "check it");
        if (!progressSinceCheck) {
            throw CommandRefused.conflict("No rectification progress of " + ledgerId + " was reported since it was "
                    + "listed or last checked, so there is nothing to check");
        }
        requireNotBefore("checkedOn", command.checkedOn(), lastReportedOn, "the latest progress was reported");
        requireNotBefore("checkedOn", command.checkedOn(), lastCheckedOn, "the unit was last checked");
        apply(command.passed()
                ? new LaggingUnitCleared(ledgerId, command.findings(), command.checkedOn())
                : new LaggingUnitCheckFailed(ledgerId, command.findings(), command.checkedOn()));
    }

    private void require(Set<LedgerStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw CommandRefused.conflict("Lagging unit " + ledgerId + " is " + describe(status)
                    + ", so you cannot " + action);
        }
    }

    private static String describe(LedgerStatus status) {
        return switch (status) {
            case LISTED -> "listed without a responsible leader";
            case LEADER_ASSIGNED -> "awaiting its rectification measures";
            case RECTIFYING -> "being rectified";
            case CLEARED -> "already cleared";
        };
    }

    @EventSourcingHandler
    void on(LaggingUnitListed event) {
        ledgerId = event.ledgerId();
        status = LISTED;
    }

    @EventSourcingHandler
    void on(RectificationLeaderAssigned event) {
        leaderId = event.leaderId();
        if (firstLeaderAssignedOn == null) {
            firstLeaderAssignedOn = event.assignedOn();
        }
        if (status == LISTED) {
            status = LEADER_ASSIGNED;
        }
    }

    @EventSourcingHandler
    void on(RectificationMeasuresRecorded event) {
        status = RECTIFYING;
    }

    @EventSourcingHandler
    void on(RectificationProgressReported event) {
        progressSinceCheck = true;
        if (lastReportedOn == null || event.reportedOn().isAfter(lastReportedOn)) {
            lastReportedOn = event.reportedOn();
        }
    }

    @EventSourcingHandler
    void on(LaggingUnitCheckFailed event) {
        progressSinceCheck = false;
        lastCheckedOn = event.checkedOn();
    }

    @EventSourcingHandler
    void on(LaggingUnitCleared event) {
        status = CLEARED;
    }
}
