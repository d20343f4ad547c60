package org.campaign.contracts.roster;

/** 党委, 党总支, 党支部. */
public enum OrganisationKind {
    PARTY_COMMITTEE,
    GENERAL_BRANCH,
    BRANCH
}
