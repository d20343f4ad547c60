package org.campaign.evaluation.review;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.ReviewRecorded;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A leadership review (领导点评) of one organisation or member in one round. */
@Aggregate
public class Review {

    @AggregateIdentifier
    private String reviewId;

    protected Review() {
        // for event sourcing
    }

    @CommandHandler
    public Review(RecordReview command) {
        apply(new ReviewRecorded(command.reviewId(), command.campaignId(), command.round(), command.subjectType(),
                command.subjectId(), command.organisationId(), command.reviewerId(), command.rating(),
                command.strengths(), command.problems(), command.rectificationRequired(),
                command.rectificationDeadline()));
    }

    @EventSourcingHandler
    void on(ReviewRecorded event) {
        reviewId = event.reviewId();
    }
}
