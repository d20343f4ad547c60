package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The final check found the lagging unit not yet rectified; it stays on the ledger. */
@EventContract(revision = "1")
public record LaggingUnitCheckFailed(String ledgerId, String findings, LocalDate checkedOn) {
}
