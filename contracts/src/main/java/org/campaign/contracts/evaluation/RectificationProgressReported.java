package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** Progress in rectifying a lagging unit was reported. */
@EventContract(revision = "1")
public record RectificationProgressReported(String ledgerId, String progress, LocalDate reportedOn) {
}
