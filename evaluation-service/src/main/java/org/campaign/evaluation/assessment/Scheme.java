package org.campaign.evaluation.assessment;

import org.campaign.contracts.evaluation.AssessmentWeights;
import org.campaign.contracts.evaluation.DimensionScores;
import org.campaign.contracts.evaluation.Grade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a campaign's assessment is scored: the weights of the four dimensions and the grade thresholds. */
public record Scheme(AssessmentWeights weights, BigDecimal advancedThreshold, BigDecimal laggingThreshold) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The weighted sum of the scores, one decimal, half up. */
    public BigDecimal total(DimensionScores scores) {
        BigDecimal sum = scores.postCompetence().multiply(BigDecimal.valueOf(weights.postCompetence()))
                .add(scores.developmentContribution().multiply(BigDecimal.valueOf(weights.developmentContribution())))
                .add(scores.publicSatisfaction().multiply(BigDecimal.valueOf(weights.publicSatisfaction())))
                .add(scores.socialReputation().multiply(BigDecimal.valueOf(weights.socialReputation())));
        return sum.divide(HUNDRED, 1, RoundingMode.HALF_UP);
    }

    /** Advanced at or above the advanced threshold, lagging below the lagging threshold, middle otherwise. */
    public Grade grade(BigDecimal total) {
        if (total.compareTo(advancedThreshold) >= 0) {
            return Grade.ADVANCED;
        }
        return total.compareTo(laggingThreshold) < 0 ? Grade.LAGGING : Grade.MIDDLE;
    }
}
