package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.util.List;

/**
 * The district office assigned a reviewer to subjects of a campaign: a leader to the organisations of the leader's
 * link points (联系点), an inspection group to whole townships or streets (乡镇/街道).
 *
 * @param reviewerId      the user id the reviewer acts with: a leader's own, or the account an inspection group
 *                        records with
 * @param organisationIds organisations the reviewer covers (and their members)
 * @param townshipIds     townships or streets whose organisations (and members) the reviewer covers
 */
@EventContract(revision = "1")
public record ReviewerAssigned(String assignmentId, String campaignId, String reviewerId, ReviewerKind kind,
                               List<String> organisationIds, List<String> townshipIds) {
}
