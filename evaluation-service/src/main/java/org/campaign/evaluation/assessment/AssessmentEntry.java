package org.campaign.evaluation.assessment;

import org.campaign.contracts.evaluation.DimensionScores;
import org.campaign.contracts.evaluation.FiveGoodsFourStrongs;
import org.campaign.contracts.evaluation.Grade;
import org.campaign.contracts.evaluation.ScoreSource;
import org.campaign.contracts.evaluation.SubjectType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A year-end assessment as it was scored; {@code ledgerId} names the rectification-ledger entry it opened for an
 * organisation graded lagging, and is {@code null} otherwise.
 */
@Document("assessments")
public record AssessmentEntry(@Id String id, String campaignId, int year, SubjectType subjectType,
                              String subjectId, String organisationId, String townshipId, DimensionScores scores,
                              ScoreSource publicSatisfactionSource, FiveGoodsFourStrongs checklist,
                              BigDecimal total, Grade grade, String ledgerId, Instant scoredAt) {
}
