package org.campaign.evaluation.review;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.RectificationAccepted;
import org.campaign.contracts.evaluation.RectificationCommitted;
import org.campaign.contracts.evaluation.RectificationCompleted;
import org.campaign.contracts.evaluation.RectificationReopened;
import org.campaign.contracts.evaluation.ReviewRecorded;
import org.campaign.evaluation.review.ReviewCommands.AcceptRectification;
import org.campaign.evaluation.review.ReviewCommands.CommitRectification;
import org.campaign.evaluation.review.ReviewCommands.CompleteRectification;
import org.campaign.evaluation.review.ReviewCommands.RecordReview;
import org.campaign.evaluation.review.ReviewCommands.ReopenRectification;
import org.campaign.write.CommandRefused;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.campaign.evaluation.review.RectificationStatus.COMMITTED;
import static org.campaign.evaluation.review.RectificationStatus.COMPLETED;
import static org.campaign.evaluation.review.RectificationStatus.NOT_REQUIRED;
import static org.campaign.evaluation.review.RectificationStatus.REOPENED;
import static org.campaign.evaluation.review.RectificationStatus.REQUIRED;
import static org.campaign.write.BusinessDates.requireNotBefore;

/**
 * A leadership review (领导点评) of one organisation or member in one round, and the rectification it requires:
 * the subject commits to it (整改表态) and reports it done; the reviewer accepts it or reopens it. Each step is
 * dated no earlier than the step before it, so a commitment after a reopening is not dated before the reopening.
 */
@Aggregate
public class Review {

    @AggregateIdentifier
    private String reviewId;
    private RectificationStatus rectification;
    private LocalDate committedOn;
    private LocalDate completedOn;
    private LocalDate reopenedOn;

    protected Review() {
        // for event sourcing
    }

    @CommandHandler
    public Review(RecordReview command) {
        apply(new ReviewRecorded(command.reviewId(), command.campaignId(), command.round(), command.subjectType(),
                command.subjectId(), command.organisationId(), command.reviewerId(), command.rating(),
                command.strengths(), command.problems(), command.rectificationRequired(),
                command.rectificationDeadline()));
        if (command.townshipId() != null || !command.path().isEmpty()) {
            apply(new ReviewTownshipRecorded(command.reviewId(), command.townshipId(), command.path()));
        }
    }

    @CommandHandler
    void handle(CommitRectification command) {
        require(EnumSet.of(REQUIRED, REOPENED), "commit to it");
        requireNotBefore("committedOn", command.committedOn(), reopenedOn, "the rectification was reopened");
        apply(new RectificationCommitted(reviewId, command.statement(), command.committedOn()));
    }

    @CommandHandler
    void handle(CompleteRectification command) {
        require(EnumSet.of(COMMITTED), "report it completed");
        requireNotBefore("completedOn", command.completedOn(), committedOn, "the rectification was committed to");
        apply(new RectificationCompleted(reviewId, command.report(), command.completedOn()));
    }

    @CommandHandler
    void handle(AcceptRectification command) {
        require(EnumSet.of(COMPLETED), "accept it");
        requireNotBefore("acceptedOn", command.acceptedOn(), completedOn, "the rectification was reported completed");
        apply(new RectificationAccepted(reviewId, command.comment(), command.acceptedOn()));
    }

    @CommandHandler
    void handle(ReopenRectification command) {
        require(EnumSet.of(COMPLETED), "reopen it");
        requireNotBefore("reopenedOn", command.reopenedOn(), completedOn, "the rectification was reported completed");
        apply(new RectificationReopened(reviewId, command.reason(), command.reopenedOn()));
    }

    private void require(Set<RectificationStatus> allowed, String action) {
        if (rectification == NOT_REQUIRED) {
            throw CommandRefused.conflict("Review " + reviewId + " required no rectification, so you cannot "
                    + action);
        }
        if (!allowed.contains(rectification)) {
            throw CommandRefused.conflict("The rectification required by review " + reviewId + " is "
                    + describe(rectification) + ", so you cannot " + action);
        }
    }

    private static String describe(RectificationStatus status) {
        return switch (status) {
            case NOT_REQUIRED -> "not required";
            case REQUIRED -> "still awaiting the subject's rectification statement";
            case COMMITTED -> "committed to but not yet reported completed";
            case COMPLETED -> "reported completed and awaiting the reviewer's check";
            case REOPENED -> "reopened by the reviewer and awaiting a new statement";
            case ACCEPTED -> "already accepted";
        };
    }

    @EventSourcingHandler
    void on(ReviewRecorded event) {
        reviewId = event.reviewId();
        rectification = event.rectificationRequired() == null ? NOT_REQUIRED : REQUIRED;
    }

    @EventSourcingHandler
    void on(RectificationCommitted event) {
        rectification = COMMITTED;
        committedOn = event.committedOn();
    }

    @EventSourcingHandler
    void on(RectificationCompleted event) {
        rectification = COMPLETED;
        completedOn = event.completedOn();
    }

    @EventSourcingHandler
    void on(RectificationAccepted event) {
        rectification = RectificationStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(RectificationReopened event) {
        rectification = REOPENED;
        reopenedOn = event.reopenedOn();
    }
}
