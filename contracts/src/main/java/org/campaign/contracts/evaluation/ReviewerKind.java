package org.campaign.contracts.evaluation;

/** Who reviews: a district leader (联点领导) or an inspection group (督导组). */
public enum ReviewerKind {
    LEADER,
    INSPECTION_GROUP
}
