package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

/** A pledge was withdrawn, with the reason. */
@EventContract(revision = "1")
public record PledgeWithdrawn(String pledgeId, String reason) {
}
