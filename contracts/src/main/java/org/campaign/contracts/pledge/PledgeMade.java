package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** A pledge (公开承诺) was made for a campaign. */
@EventContract(revision = "1")
public record PledgeMade(String pledgeId, String campaignId, Pledger pledger, PledgeKind kind, PledgeFocus focus,
                         String title, Target target, LocalDate deadline) {
}
