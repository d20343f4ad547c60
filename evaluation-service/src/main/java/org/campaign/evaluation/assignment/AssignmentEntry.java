package org.campaign.evaluation.assignment;

import org.campaign.contracts.evaluation.ReviewerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** An assignment as the district office lists it and as permission checks read it. */
@Document("assignments")
public record AssignmentEntry(@Id String id, String campaignId, String reviewerId, ReviewerKind kind,
                              List<String> organisationIds, List<String> townshipIds, boolean active,
                              String revocationReason) {
}
