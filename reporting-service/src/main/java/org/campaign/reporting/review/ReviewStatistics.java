package org.campaign.reporting.review;

/** Names of the review counters ({@code review_stats}): their dimensions and counted fields. */
public final class ReviewStatistics {

    public static final String COLLECTION = "review_stats";
    public static final String FACTS = "review_facts";

    public static final String RATING = "rating";

    public static final String RECORDED = "recorded";

    private ReviewStatistics() {
    }
}
