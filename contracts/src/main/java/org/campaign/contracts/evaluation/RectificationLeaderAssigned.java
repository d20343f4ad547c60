package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** A leader was made responsible (领导分包) for rectifying a lagging unit; a later assignment replaces an earlier. */
@EventContract(revision = "1")
public record RectificationLeaderAssigned(String ledgerId, String leaderId, LocalDate assignedOn) {
}
