package org.campaign.evaluation.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Commands on a lagging unit's entry in the rectification ledger. */
public final class LedgerCommands {

    private LedgerCommands() {
    }

    public record AssignRectificationLeader(@TargetAggregateIdentifier String ledgerId, String leaderId,
                                            LocalDate assignedOn) {
    }

    public record RecordRectificationMeasures(@TargetAggregateIdentifier String ledgerId, List<String> measures,
                                              LocalDate dueOn) {
    }

    public record ReportRectificationProgress(@TargetAggregateIdentifier String ledgerId, String progress,
                                              LocalDate reportedOn) {
    }

    /** The final check (验收): {@code passed} clears the unit, otherwise it stays on the ledger. */
    public record RecordFinalCheck(@TargetAggregateIdentifier String ledgerId, boolean passed, String findings,
                                   LocalDate checkedOn) {
    }
}
