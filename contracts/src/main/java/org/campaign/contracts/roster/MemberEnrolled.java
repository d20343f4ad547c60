package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;
import org.campaign.contracts.pledge.MemberCategory;

/** A member (党员) joined an organisation. The member's name is personal data and is not published. */
@EventContract(revision = "1")
public record MemberEnrolled(String memberId, String organisationId, MemberCategory category) {
}
