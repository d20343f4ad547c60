package org.campaign.contracts.evaluation;

/** One respondent's answer in a mass evaluation. */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意 */
    DISSATISFIED
}
