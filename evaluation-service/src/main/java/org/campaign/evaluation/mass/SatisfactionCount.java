package org.campaign.evaluation.mass;

import org.campaign.contracts.evaluation.Satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Answers counted so far, and the satisfaction rate they give. */
public record SatisfactionCount(long satisfied, long basicallySatisfied, long dissatisfied) {

    public static final SatisfactionCount NONE = new SatisfactionCount(0, 0, 0);

    public SatisfactionCount plus(Satisfaction answer) {
        return switch (answer) {
            case SATISFIED -> plus(new SatisfactionCount(1, 0, 0));
            case BASICALLY_SATISFIED -> plus(new SatisfactionCount(0, 1, 0));
            case DISSATISFIED -> plus(new SatisfactionCount(0, 0, 1));
        };
    }

    public SatisfactionCount plus(SatisfactionCount other) {
        return new SatisfactionCount(satisfied + other.satisfied, basicallySatisfied + other.basicallySatisfied,
                dissatisfied + other.dissatisfied);
    }

    public long total() {
        return satisfied + basicallySatisfied + dissatisfied;
    }

    /** (satisfied + basically satisfied) / total in percent, one decimal, half up; there must be answers. */
    public BigDecimal rate() {
        if (total() == 0) {
            throw new IllegalStateException("No answers counted, so there is no satisfaction rate");
        }
        return BigDecimal.valueOf(satisfied + basicallySatisfied).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total()), 1, RoundingMode.HALF_UP);
    }
}
