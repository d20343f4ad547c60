package org.campaign.evaluation.assignment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.ReviewerAssigned;
import org.campaign.contracts.evaluation.ReviewerAssignmentRevoked;
import org.campaign.evaluation.assignment.AssignmentCommands.AssignReviewer;
import org.campaign.evaluation.assignment.AssignmentCommands.RevokeAssignment;
import org.campaign.write.CommandRefused;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A reviewer's assignment to subjects of one campaign: a leader's link points or an inspection group's townships. */
@Aggregate
public class Assignment {

    @AggregateIdentifier
    private String assignmentId;
    private boolean revoked;

    protected Assignment() {
        // for event sourcing
    }

    @CommandHandler
    public Assignment(AssignReviewer command) {
        apply(new ReviewerAssigned(command.assignmentId(), command.campaignId(), command.reviewerId(),
                command.kind(), command.organisationIds(), command.townshipIds()));
    }

    @CommandHandler
    void handle(RevokeAssignment command) {
        if (revoked) {
            throw CommandRefused.conflict("Assignment " + assignmentId + " is already revoked");
        }
        apply(new ReviewerAssignmentRevoked(assignmentId, command.reason()));
    }

    @EventSourcingHandler
    void on(ReviewerAssigned event) {
        assignmentId = event.assignmentId();
    }

    @EventSourcingHandler
    void on(ReviewerAssignmentRevoked event) {
        revoked = true;
    }
}
