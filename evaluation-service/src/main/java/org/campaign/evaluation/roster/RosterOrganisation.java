package org.campaign.evaluation.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * An organisation as the pledge service's roster events describe it: the township it belongs to, its
 * path from the top of the tree (itself last), and whether it is still registered. {@code sequence} is the sequence
 * of the last of its own events applied here. The townships it belonged to before a move are kept so
 * that a sub-organisation whose registration arrives after the move can follow it ({@link RosterProjection}).
 * <p>
 * Indexed for a moved organisation's subtree, and for the organisations of a township.
 */
@Document("roster-organisations")
@CompoundIndex(name = "path", def = "{'path': 1}")
@CompoundIndex(name = "township", def = "{'townshipId': 1, 'active': 1}")
record RosterOrganisation(@Id String id, String townshipId, List<String> path, boolean active, long sequence,
                          List<String> formerTownshipIds) {

    RosterOrganisation {
        formerTownshipIds = formerTownshipIds == null ? List.of() : formerTownshipIds;
    }
}
