package org.campaign.evaluation.assignment;

import org.campaign.contracts.evaluation.ReviewerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * An assignment as the district office lists it and as permission checks read it.
 * <p>
 * Indexed for a reviewer's active assignments, read for every request the reviewer makes.
 */
@Document("assignments")
@CompoundIndex(name = "reviewer_active", def = "{'reviewerId': 1, 'active': 1}")
public record AssignmentEntry(@Id String id, String campaignId, String reviewerId, ReviewerKind kind,
                              List<String> organisationIds, List<String> townshipIds, boolean active,
                              String revocationReason) {
}
