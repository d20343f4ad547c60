package org.campaign.evaluation.review;

/**
 * The township, street or department the reviewed organisation belonged to on the roster when the review was
 * recorded. Kept for this service's own permission checks (who may answer the review) and not published — it
 * carries no {@code EventContract}: the statistics take an organisation's township from the roster themselves.
 */
public record ReviewTownshipRecorded(String reviewId, String townshipId) {
}
