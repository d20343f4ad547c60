package org.campaign.contracts.roster;

import org.campaign.contracts.EventContract;
import org.campaign.contracts.pledge.Sector;

import java.util.List;

/**
 * An organisation (基层党组织) was registered under a parent, owned by an agency. The path lists its ancestors from
 * the top, itself last, so statistics can roll up.
 */
@EventContract(revision = "1")
public record OrganisationRegistered(String organisationId, String name, OrganisationKind kind, Sector sector,
                                     String parentId, String townshipId, String agencyId, List<String> path) {
}
