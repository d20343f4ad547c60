package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.math.BigDecimal;

/**
 * An organisation assessed as lagging was put on the rectification ledger (整顿后进基层党组织台账), in the same
 * commit as its assessment.
 *
 * @param ledgerId {@code <campaignId>:<year>:<organisationId>}
 */
@EventContract(revision = "1")
public record LaggingUnitListed(String ledgerId, String assessmentId, String campaignId, int year,
                                String organisationId, String townshipId, BigDecimal total) {
}
