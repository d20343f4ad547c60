package org.campaign.contracts.pledge;

/** Who makes a pledge: a grass-roots organisation (基层党组织) or a member (党员). */
public enum PledgerType {
    ORGANISATION,
    MEMBER
}
