package org.campaign.evaluation.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaign.contracts.evaluation.ReviewerKind;

import java.util.List;

/** Commands on reviewers' assignments; only the district office sends them (see {@link ReviewerScope}). */
public final class AssignmentCommands {

    private AssignmentCommands() {
    }

    public record AssignReviewer(@TargetAggregateIdentifier String assignmentId, String campaignId,
                                 String reviewerId, ReviewerKind kind, List<String> organisationIds,
                                 List<String> townshipIds) {
    }

    public record RevokeAssignment(@TargetAggregateIdentifier String assignmentId, String reason) {
    }
}
