package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** A pledge was fulfilled (兑现). */
@EventContract(revision = "1")
public record PledgeFulfilled(String pledgeId, LocalDate fulfilledOn, String evidence) {
}
