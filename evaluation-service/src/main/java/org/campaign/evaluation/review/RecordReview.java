package org.campaign.evaluation.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.SubjectType;

import java.time.LocalDate;

public record RecordReview(@TargetAggregateIdentifier String reviewId, String campaignId, String round,
                           SubjectType subjectType, String subjectId, String organisationId, String reviewerId,
                           Rating rating, String strengths, String problems, String rectificationRequired,
                           LocalDate rectificationDeadline) {
}
