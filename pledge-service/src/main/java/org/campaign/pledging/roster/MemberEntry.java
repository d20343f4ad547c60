package org.campaign.pledging.roster;

import org.campaign.contracts.pledge.MemberCategory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A member as the roster shows it, with the path of the member's organisation.
 * <p>
 * Indexed for an agency's members (by path), in the roster list's order, and an organisation's own.
 */
@Document("members")
@CompoundIndex(name = "path", def = "{'path': 1, '_id': 1}")
@CompoundIndex(name = "organisation", def = "{'organisationId': 1}")
public record MemberEntry(@Id String id, String name, String organisationId, List<String> path,
                          MemberCategory category, boolean active) {
}
