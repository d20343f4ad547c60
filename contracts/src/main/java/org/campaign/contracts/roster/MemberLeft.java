package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;

/** A member left the organisation's roster (moved away, died, expelled…). */
@EventContract(revision = "1")
public record MemberLeft(String memberId, String organisationId, String reason) {
}
