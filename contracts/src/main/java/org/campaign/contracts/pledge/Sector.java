package org.campaign.contracts.pledge;

/** The sector (领域) an organisation works in. */
public enum Sector {
    /** 农村 */
    RURAL_VILLAGE,
    /** 社区 */
    URBAN_COMMUNITY,
    /** 机关 */
    GOVERNMENT_ORGAN,
    /** 事业单位: schools, hospitals, culture */
    PUBLIC_INSTITUTION,
    /** 国有企业 */
    STATE_ENTERPRISE,
    /** 非公企业 */
    NON_PUBLIC_ENTERPRISE,
    /** 新社会组织 */
    NEW_SOCIAL_ORGANISATION
}
