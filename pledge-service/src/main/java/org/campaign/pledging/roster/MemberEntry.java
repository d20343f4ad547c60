package org.campaign.pledging.roster;

import org.campaign.contracts.pledge.MemberCategory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** A member as the roster shows it, with the path of the member's organisation. */
@Document("members")
public record MemberEntry(@Id String id, String name, String organisationId, List<String> path,
                          MemberCategory category, boolean active) {
}
