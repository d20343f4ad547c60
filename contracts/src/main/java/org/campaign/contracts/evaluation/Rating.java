package org.campaign.contracts.evaluation;

/** A reviewer's overall rating. */
public enum Rating {
    EXCELLENT,
    GOOD,
    FAIR,
    POOR
}
