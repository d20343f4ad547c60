package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/**
 * A pledge (公开承诺) was made for a campaign.
 * <p>
 * Revision 2 added {@code oral}: the pledge was made orally (口头承诺) and recorded by the branch on the member's
 * behalf. Revision-1 events are read with {@code oral = false}.
 *
 * @param target   the measurable target, or {@code null} where the pledge has none
 * @param deadline the deadline (办结时限); the pledge lapses if it is not fulfilled by the end of that day
 */
@EventContract(revision = "2")
public record PledgeMade(String pledgeId, String campaignId, Pledger pledger, PledgeKind kind, PledgeFocus focus,
                         String title, Target target, LocalDate deadline, boolean oral) {
}
