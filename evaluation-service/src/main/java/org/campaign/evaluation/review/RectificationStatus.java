package org.campaign.evaluation.review;

/**
 * Where the rectification a review required stands: required → committed (整改表态) → completed → accepted by the
 * reviewer, or reopened and committed to again.
 */
public enum RectificationStatus {
    NOT_REQUIRED,
    REQUIRED,
    COMMITTED,
    COMPLETED,
    REOPENED,
    ACCEPTED
}
