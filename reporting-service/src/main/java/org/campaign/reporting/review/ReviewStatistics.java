package org.campaign.reporting.review;

/** Names of the leadership-review and rectification figures. */
public final class ReviewStatistics {

    public static final String FACT_KIND = "review";

    public static final String RATING = "rating";
    /** Per review round: reviews recorded and {@code rating_<RATING>}. */
    public static final String ROUND = "round";

    public static final String RECORDED = "recorded";
    public static final String RATING_PREFIX = "rating_";
    /** Reviews that required a rectification. */
    public static final String RECTIFICATION_REQUIRED = "rectificationRequired";
    /** … whose subject committed to it (整改表态), ever. */
    public static final String RECTIFICATION_COMMITTED = "rectificationCommitted";
    /** … reported done (completed or accepted). */
    public static final String RECTIFICATION_COMPLETED = "rectificationCompleted";
    /** … accepted by the reviewer. */
    public static final String RECTIFICATION_ACCEPTED = "rectificationAccepted";
    /** … reopened at least once. */
    public static final String RECTIFICATION_REOPENED = "rectificationReopened";
    /** … not yet reported done (required, committed or reopened); overdue once their deadline passed. */
    public static final String RECTIFICATION_OPEN = "rectificationOpen";
    public static final String REVIEWS = "reviews";

    /** Set kind: organisations reviewed (as subject), keyed by round, and {@code *} for any round. */
    public static final String REVIEWED_SET = "reviewedOrganisations";
    public static final String ANY_ROUND = "*";

    private ReviewStatistics() {
    }
}
