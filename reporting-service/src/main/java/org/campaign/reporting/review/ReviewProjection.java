package org.campaign.reporting.review;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.reporting.projection.Contribution;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.campaign.reporting.projection.Values;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.campaign.reporting.review.ReviewStatistics.*;

/**
 * Leadership reviews (领导点评) and the rectification each may require, which travel as events of the review:
 * required → committed (整改表态) → completed → accepted, or reopened and committed to again.
 * <p>
 * Counted per campaign and district-wide, in total, per rating, per round and per organisation; the organisations
 * reviewed as subjects are kept as a set per round (coverage). Open rectifications are also counted by the day
 * they are due ({@code rectificationDue}), so that "overdue" — open and due before today — is a sum over past days
 * read at query time, with no job that has to run at midnight.
 * <p>
 * The payloads are read field by field from the JSON, so that a field added by the evaluation service never stops
 * the projection; a missing review id or an unknown rating is unprojectable.
 */
@Component
public class ReviewProjection implements EventProjection {

    static final String REVIEW_RECORDED = "ReviewRecorded";
    private static final Set<String> OPEN = Set.of("REQUIRED", "COMMITTED", "REOPENED");

    @Override
    public Set<String> eventTypes() {
        return Set.of(REVIEW_RECORDED, "RectificationCommitted", "RectificationCompleted", "RectificationAccepted",
                "RectificationReopened");
    }

    @Override
    public String factKind() {
        return FACT_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        Document before = context.fact();
        String reviewId = Values.required(event, "reviewId");
        if (!event.aggregateId().equals(reviewId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names review "
                    + reviewId + " but belongs to aggregate " + event.aggregateId());
        }
        Document after;
        if (REVIEW_RECORDED.equals(event.type())) {
            String rating = Values.constant(event, "rating", Rating.class);
            String subjectType = Values.constant(event, "subjectType", SubjectType.class);
            LocalDate deadline = Values.date(event, "rectificationDeadline");
            if (before != null) {
                throw new UnprojectableEventException("ReviewRecorded " + event.eventId() + ": review " + reviewId
                        + " was already recorded by event " + before.getString("lastEventId"));
            }
            boolean required = Values.text(event.payload(), "rectificationRequired") != null;
            after = new Document("reviewId", reviewId)
                    .append("campaignId", Values.text(event.payload(), "campaignId"))
                    .append("round", Values.text(event.payload(), "round"))
                    .append("subjectType", subjectType)
                    .append("subjectId", Values.text(event.payload(), "subjectId"))
                    .append("organisationId", Values.text(event.payload(), "organisationId"))
                    .append("reviewerId", Values.text(event.payload(), "reviewerId"))
                    .append("rating", rating)
                    .append("rectification", required ? "REQUIRED" : "NOT_REQUIRED")
                    .append("rectificationDeadline", deadline == null ? null : deadline.toString())
                    .append("recordedAt", event.occurredAt() == null ? null : event.occurredAt().toString());
            if (SubjectType.ORGANISATION.name().equals(subjectType)) {
                for (String scope : CounterKey.scopesOf(after.getString("campaignId"))) {
                    String organisation = after.getString("organisationId");
                    context.addToSet(scope, REVIEWED_SET, orUnknown(after.getString("round")), organisation);
                    context.addToSet(scope, REVIEWED_SET, ANY_ROUND, organisation);
                }
            }
        } else {
            if (before == null) {
                throw new UnprojectableEventException(event.type() + " " + event.eventId() + " for unknown review "
                        + reviewId + ": no ReviewRecorded was projected for it");
            }
            after = new Document(before);
            switch (event.type()) {
                case "RectificationCommitted" -> after.append("rectification", "COMMITTED").append("committed", true);
                case "RectificationCompleted" -> after.append("rectification", "COMPLETED");
                case "RectificationAccepted" -> after.append("rectification", "ACCEPTED");
                default -> after.append("rectification", "REOPENED").append("reopened", true);
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
        String rectification = fact.getString("rectification");
        boolean required = !"NOT_REQUIRED".equals(rectification);
        boolean open = OPEN.contains(rectification);
        String rating = fact.getString("rating");
        List<CounterKey> keys = new ArrayList<>();
        List<String> scopes = CounterKey.scopesOf(fact.getString("campaignId"));
        for (String scope : scopes) {
            keys.add(new CounterKey(scope, CounterKey.TOTAL, CounterKey.ALL));
            keys.add(new CounterKey(scope, ROUND, fact.getString("round")));
            contribution.add(new CounterKey(scope, RATING, rating), RECORDED, 1);
            contribution.add(new CounterKey(scope, CounterFamily.ORGANISATION_DIMENSION,
                    fact.getString("organisationId")), REVIEWS, 1);
            String deadline = fact.getString("rectificationDeadline");
            if (open && deadline != null) {
                contribution.add(new CounterKey(scope, CounterFamily.RECTIFICATION_DUE, deadline), RECTIFICATION_OPEN, 1);
            }
        }
        contribution.add(keys, RECORDED, 1)
                .add(keys, RATING_PREFIX + (rating == null ? CounterKey.UNKNOWN : rating), 1)
                .add(keys, RECTIFICATION_REQUIRED, required ? 1 : 0)
                .add(keys, RECTIFICATION_COMMITTED, Values.flag(fact, "committed") ? 1 : 0)
                .add(keys, RECTIFICATION_COMPLETED, "COMPLETED".equals(rectification) || "ACCEPTED".equals(rectification) ? 1 : 0)
                .add(keys, RECTIFICATION_ACCEPTED, "ACCEPTED".equals(rectification) ? 1 : 0)
                .add(keys, RECTIFICATION_REOPENED, Values.flag(fact, "reopened") ? 1 : 0)
                .add(keys, RECTIFICATION_OPEN, open ? 1 : 0);
        return contribution;
    }

    private static String orUnknown(String value) {
        return value == null ? CounterKey.UNKNOWN : value;
    }
}
