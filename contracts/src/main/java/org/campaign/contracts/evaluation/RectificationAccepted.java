package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The reviewer checked the completed rectification and accepted it; the review's rectification is closed. */
@EventContract(revision = "1")
public record RectificationAccepted(String reviewId, String comment, LocalDate acceptedOn) {
}
