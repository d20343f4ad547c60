package org.campaign.contracts.evaluation;

/** The outcome of a year-end assessment. */
public enum Grade {
    /** 先进 */
    ADVANCED,
    /** 中间 */
    MIDDLE,
    /** 后进 */
    LAGGING
}
