package org.campaign.evaluation.review;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.campaign.contracts.Actor;
import org.campaign.evaluation.assignment.ReviewerScope;
import org.campaign.evaluation.review.ReviewCommands.RecordReview;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.StatedSubject;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends review commands after checking who acts: a review only by a reviewer assigned to its subject; the
 * rectification statement and completion only by the subject's side — the organisation itself, the township it
 * belonged to on the roster when the review was recorded, or the district office; acceptance and reopening only by the reviewer's
 * side — the reviewer, anyone assigned to the subject in that campaign, or the district office.
 */
@Service
public class ReviewService {

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final MongoTemplate mongo;

    ReviewService(CommandGateway commands, ReviewerScope scope, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.mongo = mongo;
    }

    /** Records the review with the township the roster places its subject in. */
    public void record(Acting acting, RecordReview review) {
        Placement placement = scope.requireCoversOnRoster(acting, review.campaignId(), new StatedSubject(
                review.subjectType(), review.subjectId(), review.organisationId(), review.townshipId()), "review it");
        commands.sendAndWait(review.placedIn(placement.townshipId()), acting.metaData());
    }

    /** Sends a command of the subject's answer (statement, completion) about an existing review. */
    public void answer(Acting acting, String reviewId, Object command) {
        ReviewEntry review = find(reviewId);
        Actor actor = acting.actor();
        boolean subjectSide = scope.isAdministrator(acting) || actor.agencyId().equals(review.organisationId())
                || actor.agencyId().equals(review.townshipId());
        if (!subjectSide) {
            throw CommandRefused.forbidden("Agency " + actor.agencyId() + " may not answer review " + reviewId
                    + ": only organisation " + review.organisationId()
                    + (review.townshipId() == null ? "" : ", township " + review.townshipId())
                    + " or the district office may");
        }
        commands.sendAndWait(command, acting.metaData());
    }

    /** Sends a command of the reviewer's check (acceptance, reopening) about an existing review. */
    public void check(Acting acting, String reviewId, Object command) {
        ReviewEntry review = find(reviewId);
        Actor actor = acting.actor();
        if (!actor.userId().equals(review.reviewerId())) {
            scope.requireCovers(acting, review.campaignId(), review.organisationId(), review.townshipId(),
                    "check the rectification of review " + reviewId);
        }
        commands.sendAndWait(command, acting.metaData());
    }

    public ReviewEntry find(String reviewId) {
        ReviewEntry review = mongo.findById(reviewId, ReviewEntry.class);
        if (review == null) {
            throw new AggregateNotFoundException(reviewId, "No review " + reviewId);
        }
        return review;
    }
}
