package org.campaign.evaluation.review;

/**
 * The township, street or department the reviewed organisation belongs to, as the reviewer stated it. Kept for
 * this service's own permission checks (who may answer the review) and not published — it carries no
 * {@code EventContract}: the statistics take an organisation's township from the roster.
 */
public record ReviewTownshipRecorded(String reviewId, String townshipId) {
}
