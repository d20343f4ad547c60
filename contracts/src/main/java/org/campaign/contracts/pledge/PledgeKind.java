package org.campaign.contracts.pledge;

public enum PledgeKind {
    /** 工作承诺: annual targets of the unit's central work */
    WORK,
    /** 实事承诺: a concrete service to the public */
    PRACTICAL_DEED
}
