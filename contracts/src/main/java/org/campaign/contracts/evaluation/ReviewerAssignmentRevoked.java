package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

/** The district office ended an assignment; the reviewer no longer covers its subjects. */
@EventContract(revision = "1")
public record ReviewerAssignmentRevoked(String assignmentId, String reason) {
}
