package org.campaign.evaluation.roster;

import org.campaign.contracts.evaluation.SubjectType;

/**
 * The subject of a new review, evaluation or assessment as the request names it: what it is, and where the request
 * says it belongs. {@code townshipId} is {@code null} when the request leaves it out.
 */
public record StatedSubject(SubjectType type, String id, String organisationId, String townshipId) {
}
