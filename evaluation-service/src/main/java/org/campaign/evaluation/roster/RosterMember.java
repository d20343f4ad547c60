package org.campaign.evaluation.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as the pledge service's roster events describe it: the organisation it belongs to and whether it is still
 * on the roster. {@code sequence} is the sequence of the last of its own events applied here.
 * <p>
 * Indexed for an organisation's members, moved with it.
 */
@Document("roster-members")
@CompoundIndex(name = "organisation", def = "{'organisationId': 1}")
record RosterMember(@Id String id, String organisationId, boolean active, long sequence) {
}
