package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;

/** An organisation was renamed. */
@EventContract(revision = "1")
public record OrganisationRenamed(String organisationId, String name) {
}
