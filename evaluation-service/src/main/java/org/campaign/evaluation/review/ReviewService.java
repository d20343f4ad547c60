package org.campaign.evaluation.review;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.Actor;
import org.campaign.evaluation.assignment.ReviewerScope;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Page;
import org.campaign.evaluation.review.ReviewCommands.RecordReview;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.StatedSubject;
import org.campaign.service.security.Roles;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

import static org.campaign.service.web.Text.blankToNull;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends review commands after checking who acts, and reads reviews for those who may see them.
 * <ul>
 *     <li>A review is recorded only by a reviewer assigned to its subject.</li>
 *     <li>The rectification statement and completion come only from the subject's side: an agency whose subtree
 *     held the reviewed organisation on the roster when the review was recorded (the organisation itself, its
 *     township or an agency above it), the township recorded with the review, or the district office.</li>
 *     <li>Acceptance and reopening come only from the reviewer's side: the reviewer, anyone assigned to the subject
 *     in that campaign, or the district office.</li>
 *     <li>Reviews are read by the inspection groups and the district office (all of them), by agency staff (those
 *     their side answers) and by reviewers (those they recorded, and those of subjects their active assignments
 *     cover); a caller with several roles reads what each of them allows.</li>
 * </ul>
 */
@Service
public class ReviewService {

    /**
     * Optional filters of the review list (a blank one is no filter); {@code rectificationStatus} may name several
     * statuses.
     */
    public record Filter(String campaignId, String round, String organisationId,
                         List<RectificationStatus> rectificationStatus) {

        public Filter {
            campaignId = blankToNull(campaignId);
            round = blankToNull(round);
            organisationId = blankToNull(organisationId);
        }
    }

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final MongoTemplate mongo;

    ReviewService(CommandGateway commands, ReviewerScope scope, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.mongo = mongo;
    }

    /** Records the review with the township and path the roster places its subject's organisation in. */
    public void record(Acting acting, RecordReview review) {
        Placement placement = scope.requireCoversOnRoster(acting, review.campaignId(), new StatedSubject(
                review.subjectType(), review.subjectId(), review.organisationId(), review.townshipId()), "review it");
        commands.sendAndWait(review.placedIn(placement.townshipId(), placement.path()),
                acting.metaData());
    }

    /** Sends a command of the subject's answer (statement, completion) about an existing review. */
    public void answer(Acting acting, String reviewId, Object command) {
        ReviewEntry review = find(reviewId);
        Actor actor = acting.actor();
        if (!scope.isAdministrator(acting) && !ofAgency(actor.agencyId(), review)) {
            throw CommandRefused.forbidden("Agency " + actor.agencyId() + " may not answer review " + reviewId
                    + ": only organisation " + review.organisationId()
                    + (review.townshipId() == null ? "" : ", township " + review.townshipId())
                    + ", an agency above it or the district office may");
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
            throw RecordNotFound.of("review", reviewId);
        }
        return review;
    }

    /** The review, if the actor may read it; 404 or 403 otherwise. */
    public ReviewEntry read(Acting acting, String reviewId) {
        ReviewEntry review = find(reviewId);
        if (!readsAll(acting) && !readsAsAgency(acting, review) && !readsAsReviewer(acting, review)) {
            Actor actor = acting.actor();
            String reason = acting.hasRole(Roles.AGENCY_STAFF) && !acting.hasRole(Roles.REVIEWER)
                    ? "it belongs to another agency"
                    : "they did not record it and are not assigned to organisation " + review.organisationId()
                    + (review.townshipId() == null ? "" : " or township " + review.townshipId()) + " in campaign "
                    + review.campaignId();
            throw CommandRefused.forbidden(actor.userId() + " of agency " + actor.agencyId() + " may not read review "
                    + reviewId + " of organisation " + review.organisationId() + ": " + reason);
        }
        return review;
    }

    /** The reviews the actor may read that match the filter, newest first. */
    public Page<ReviewEntry> list(Acting acting, Filter filter, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (!readsAll(acting)) {
            criteria.add(readableBy(acting));
        }
        if (filter.campaignId() != null) {
            criteria.add(where("campaignId").is(filter.campaignId()));
        }
        if (filter.round() != null) {
            criteria.add(where("round").is(filter.round()));
        }
        if (filter.organisationId() != null) {
            criteria.add(new Criteria().orOperator(where("organisationId").is(filter.organisationId()),
                    where("path").is(filter.organisationId())));
        }
        if (filter.rectificationStatus() != null && !filter.rectificationStatus().isEmpty()) {
            criteria.add(where("rectificationStatus").in(filter.rectificationStatus()));
        }
        return Page.of(mongo, criteria, Sort.by(Sort.Direction.DESC, "recordedAt", "_id"), page, size,
                ReviewEntry.class);
    }

    private boolean readsAll(Acting acting) {
        return acting.hasRole(Roles.INSPECTION_GROUP) || scope.isAdministrator(acting);
    }

    private boolean readsAsAgency(Acting acting, ReviewEntry review) {
        return acting.hasRole(Roles.AGENCY_STAFF) && ofAgency(acting.actor().agencyId(), review);
    }

    private boolean readsAsReviewer(Acting acting, ReviewEntry review) {
        return acting.hasRole(Roles.REVIEWER) && (acting.actor().userId().equals(review.reviewerId())
                || scope.covers(acting, review.campaignId(), review.organisationId(), review.townshipId()));
    }

    /**
     * Whether the review is on the agency's side: the agency held the reviewed organisation in its subtree when the
     * review was recorded, or is the organisation or the township recorded with it (reviews kept without a path).
     */
    private static boolean ofAgency(String agencyId, ReviewEntry review) {
        return agencyId.equals(review.organisationId()) || agencyId.equals(review.townshipId())
                || review.path() != null && review.path().contains(agencyId);
    }

    /** {@link #readsAsAgency} and {@link #readsAsReviewer} as a condition on the stored reviews. */
    private Criteria readableBy(Acting acting) {
        Actor actor = acting.actor();
        List<Criteria> readable = new ArrayList<>();
        if (acting.hasRole(Roles.AGENCY_STAFF)) {
            readable.add(where("organisationId").is(actor.agencyId()));
            readable.add(where("townshipId").is(actor.agencyId()));
            readable.add(where("path").is(actor.agencyId()));
        }
        if (acting.hasRole(Roles.REVIEWER)) {
            readable.add(where("reviewerId").is(actor.userId()));
            scope.coveredRecords(acting).ifPresent(readable::add);
        }
        if (readable.isEmpty()) {
            throw CommandRefused.forbidden("Only reviewers, agency staff, inspection groups and the district office "
                    + "may list reviews");
        }
        return new Criteria().orOperator(readable);
    }
}
