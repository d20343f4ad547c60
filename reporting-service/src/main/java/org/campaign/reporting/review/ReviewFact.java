package org.campaign.reporting.review;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * What the statistics know of one leadership review ({@code review_facts}, keyed by review id).
 *
 * @param lastSequence sequence of the last event of this review applied to the read model
 */
public record ReviewFact(@Id String reviewId, String campaignId, String round, String subjectType, String subjectId,
                         String organisationId, String rating, Instant recordedAt, long lastSequence,
                         String lastEventId) {
}
