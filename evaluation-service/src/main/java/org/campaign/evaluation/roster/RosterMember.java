package org.campaign.evaluation.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as the pledge service's roster events describe it: the organisation it belongs to and whether it is still
 * on the roster. {@code sequence} is the sequence of the last of its own events applied here.
 */
@Document("roster-members")
record RosterMember(@Id String id, String organisationId, boolean active, long sequence) {
}
