package org.campaign.contracts.pledge;

public enum MemberCategory {
    FARMER,
    GOVERNMENT_STAFF,
    COMMUNITY_RESIDENT,
    ENTERPRISE_STAFF,
    RETIRED,
    /** 无职党员 */
    NO_POST
}
