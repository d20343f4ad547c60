package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The superior approved a pledge. */
@EventContract(revision = "1")
public record PledgeApproved(String pledgeId, LocalDate approvedOn) {
}
