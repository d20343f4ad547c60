package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;

import java.util.List;

/** An organisation moved under another parent (and perhaps another township or agency). */
@EventContract(revision = "1")
public record OrganisationMoved(String organisationId, String parentId, String townshipId, String agencyId,
                                List<String> path) {
}
