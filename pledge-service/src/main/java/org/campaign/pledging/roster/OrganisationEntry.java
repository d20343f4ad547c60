package org.campaign.pledging.roster;

import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * An organisation as the roster shows it. {@code path} lists its ancestors from the top of the tree and ends with
 * the organisation itself: an agency may act on the organisation exactly when the agency is on that path.
 * <p>
 * Indexed for an agency's organisations, and a moved organisation's subtree (by path), in the roster list's order.
 */
@Document("organisations")
@CompoundIndex(name = "path", def = "{'path': 1, '_id': 1}")
public record OrganisationEntry(@Id String id, String name, OrganisationKind kind, Sector sector,
                                String parentId, String townshipId, String agencyId, List<String> path,
                                boolean active) {
}
