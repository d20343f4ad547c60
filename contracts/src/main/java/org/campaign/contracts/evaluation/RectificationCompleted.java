package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The reviewed organisation or member reported the rectification a review required as done. */
@EventContract(revision = "1")
public record RectificationCompleted(String reviewId, String report, LocalDate completedOn) {
}
