package org.campaign.contracts.evaluation;

/** What a review or evaluation is about. */
public enum SubjectType {
    ORGANISATION,
    MEMBER
}
