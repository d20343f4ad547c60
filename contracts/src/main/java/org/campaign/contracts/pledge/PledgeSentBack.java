package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.util.List;

/** The superior sent a pledge back for revision (审诺), giving the reasons. */
@EventContract(revision = "1")
public record PledgeSentBack(String pledgeId, List<String> reasons) {
}
