package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;

/** An organisation was deregistered; its history stays. */
@EventContract(revision = "1")
public record OrganisationDeregistered(String organisationId, String reason) {
}
