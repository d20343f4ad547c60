package org.campaign.contracts.evaluation;

/** Where the public-satisfaction score of an assessment came from. */
public enum ScoreSource {
    /** entered by the assessor */
    ENTERED,
    /** the satisfaction rate of the subject's closed mass evaluations of that campaign year */
    MASS_EVALUATIONS
}
