package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;

/** A member transferred to another organisation. */
@EventContract(revision = "1")
public record MemberTransferred(String memberId, String fromOrganisationId, String toOrganisationId) {
}
