package org.campaign.contracts.evaluation;

import java.math.BigDecimal;

/** Scores from 0 to 100 on the four dimensions of the year-end assessment. */
public record DimensionScores(BigDecimal postCompetence, BigDecimal developmentContribution,
                              BigDecimal publicSatisfaction, BigDecimal socialReputation) {
}
