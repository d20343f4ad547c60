package org.campaign.evaluation.review;

import java.util.List;

/**
 * Where the reviewed organisation stood on the roster when the review was recorded: the township, street or
 * department it belonged to, and its path from the top of the tree (itself last; {@code null} in events stored
 * before the path was kept). Kept for this service's own permission checks (who may answer and read the review:
 * the agencies on that path) and not published — it carries no {@code EventContract}: the statistics take an
 * organisation's township from the roster themselves.
 */
public record ReviewTownshipRecorded(String reviewId, String townshipId, List<String> path) {
}
