package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The pledger revised a pledge that was sent back; the fields are the pledge's new content. */
@EventContract(revision = "1")
public record PledgeRevised(String pledgeId, PledgeKind kind, PledgeFocus focus, String title, Target target,
                            LocalDate deadline) {
}
