package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The final check found the lagging unit rectified; it leaves the ledger. */
@EventContract(revision = "1")
public record LaggingUnitCleared(String ledgerId, String findings, LocalDate checkedOn) {
}
