package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/**
 * A leader recorded a review (领导点评) of an organisation or member.
 *
 * @param round                 the review round within the campaign, e.g. {@code 2011-H1}
 * @param organisationId        the organisation reviewed, or the reviewed member's organisation
 * @param rectificationRequired what the subject must put right; {@code null} when nothing is required
 */
@EventContract(revision = "1")
public record ReviewRecorded(String reviewId, String campaignId, String round, SubjectType subjectType,
                             String subjectId, String organisationId, String reviewerId, Rating rating,
                             String strengths, String problems, String rectificationRequired,
                             LocalDate rectificationDeadline) {
}
