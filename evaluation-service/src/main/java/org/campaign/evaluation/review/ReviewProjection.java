package org.campaign.evaluation.review;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.campaign.contracts.evaluation.RectificationAccepted;
import org.campaign.contracts.evaluation.RectificationCommitted;
import org.campaign.contracts.evaluation.RectificationCompleted;
import org.campaign.contracts.evaluation.RectificationReopened;
import org.campaign.contracts.evaluation.ReviewRecorded;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps the reviews in step with the events, in the command's unit of work (subscribing processor). */
@Component
@ProcessingGroup("reviews")
class ReviewProjection {

    private final MongoTemplate mongo;

    ReviewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ReviewRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mongo.save(new ReviewEntry(event.reviewId(), event.campaignId(), event.round(), event.subjectType(),
                event.subjectId(), event.organisationId(), null, null, event.reviewerId(), event.rating(),
                event.strengths(), event.problems(), event.rectificationRequired(), event.rectificationDeadline(),
                event.rectificationRequired() == null ? RectificationStatus.NOT_REQUIRED : RectificationStatus.REQUIRED,
                null, null, null, null, null, sequence, at, at));
    }

    @EventHandler
    void on(ReviewTownshipRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.reviewId(), sequence, at, Update.update("townshipId", event.townshipId())
                .set("path", event.path()));
    }

    @EventHandler
    void on(RectificationCommitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.reviewId(), sequence, at, new Update()
                .set("rectificationStatus", RectificationStatus.COMMITTED)
                .set("statement", event.statement())
                .set("committedOn", event.committedOn()));
    }

    @EventHandler
    void on(RectificationCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.reviewId(), sequence, at, new Update()
                .set("rectificationStatus", RectificationStatus.COMPLETED)
                .set("completionReport", event.report())
                .set("completedOn", event.completedOn()));
    }

    @EventHandler
    void on(RectificationAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.reviewId(), sequence, at, new Update()
                .set("rectificationStatus", RectificationStatus.ACCEPTED)
                .set("reviewerNote", event.comment()));
    }

    @EventHandler
    void on(RectificationReopened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.reviewId(), sequence, at, new Update()
                .set("rectificationStatus", RectificationStatus.REOPENED)
                .set("reviewerNote", event.reason()));
    }

    private void change(String reviewId, long sequence, Instant at, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(reviewId).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), ReviewEntry.class);
    }
}
