package org.campaign.contracts.pledge;

public enum PledgeFocus {
    /** 围绕中心工作 */
    CENTRAL_WORK,
    /** 围绕自身实际 */
    OWN_SITUATION,
    /** 围绕群众愿望 */
    PUBLIC_WISHES
}
