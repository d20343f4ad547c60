package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Progress on a pledge (践诺): the quantity achieved so far, as often as needed. */
@EventContract(revision = "1")
public record PledgeProgressReported(String pledgeId, BigDecimal achievedQuantity, String note,
                                     LocalDate reportedOn) {
}
