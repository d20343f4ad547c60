package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The reviewed organisation or member answered a review with a rectification statement (整改表态). */
@EventContract(revision = "1")
public record RectificationCommitted(String reviewId, String statement, LocalDate committedOn) {
}
