package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.math.BigDecimal;

/**
 * The district office set how a campaign's year-end assessment is scored: a total at or above
 * {@code advancedThreshold} is advanced, below {@code laggingThreshold} lagging (后进), anything between middle.
 */
@EventContract(revision = "1")
public record AssessmentSchemeSet(String campaignId, AssessmentWeights weights, BigDecimal advancedThreshold,
                                  BigDecimal laggingThreshold) {
}
