package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The reviewer found the reported rectification insufficient; the subject must commit to it again. */
@EventContract(revision = "1")
public record RectificationReopened(String reviewId, String reason, LocalDate reopenedOn) {
}
