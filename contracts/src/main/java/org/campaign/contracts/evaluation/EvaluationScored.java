package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.math.BigDecimal;

/**
 * An organisation or member was given its year-end assessment (考核测评).
 *
 * @param assessmentId              {@code <campaignId>:<year>:<subjectType>:<subjectId>}, one per subject and year
 * @param organisationId            the organisation assessed, or the assessed member's organisation
 * @param townshipId                the township, street or department that organisation belongs to
 * @param publicSatisfactionSource  whether the public-satisfaction score was entered or taken from mass evaluations
 * @param checklist                 the five goods, four strongs of an organisation; {@code null} for a member
 * @param total                     the weighted sum of the scores, one decimal
 */
@EventContract(revision = "1")
public record EvaluationScored(String assessmentId, String campaignId, int year, SubjectType subjectType,
                               String subjectId, String organisationId, String townshipId, DimensionScores scores,
                               ScoreSource publicSatisfactionSource, FiveGoodsFourStrongs checklist,
                               BigDecimal total, Grade grade) {
}
