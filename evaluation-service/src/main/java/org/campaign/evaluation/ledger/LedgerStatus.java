package org.campaign.evaluation.ledger;

/**
 * Where a lagging unit stands on the ledger: listed → a leader made responsible → rectifying under recorded
 * measures (progress reported, final checks that may fail) → cleared.
 */
public enum LedgerStatus {
    LISTED,
    LEADER_ASSIGNED,
    RECTIFYING,
    CLEARED
}
