package org.campaign.evaluation.roster;

import org.campaign.contracts.evaluation.SubjectType;

import java.util.List;

/**
 * Where the roster places a subject: its organisation (a member's own organisation), that one's township, and its
 * path from the top of the tree (itself last; empty when the roster has none).
 */
public record Placement(String organisationId, String townshipId, List<String> path) {

    public Placement {
        path = path == null ? List.of() : List.copyOf(path);
    }

    /**
     * Refuses a request that states the subject's organisation or township otherwise than the roster, naming the
     * field and the roster's value.
     */
    public void requireStatedAlike(StatedSubject stated) {
        if (!organisationId.equals(stated.organisationId())) {
            throw new IllegalArgumentException("organisationId: member " + stated.id() + " belongs to organisation "
                    + organisationId + " on the roster, not " + stated.organisationId());
        }
        if (stated.townshipId() != null && !stated.townshipId().equals(townshipId)) {
            throw new IllegalArgumentException("townshipId: " + describe(stated) + " belongs to township "
                    + townshipId + " on the roster, not " + stated.townshipId());
        }
    }

    private String describe(StatedSubject stated) {
        return stated.type() == SubjectType.MEMBER
                ? "member " + stated.id() + " of organisation " + organisationId
                : "organisation " + organisationId;
    }
}
