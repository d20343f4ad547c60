package org.campaign.pledging.pledge;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a pledge stands: made (定诺) → reviewed by the superior (审诺: sent back and revised, or approved) →
 * published (公布) → progress reported (践诺) → fulfilled (兑现); or lapsed, or withdrawn.
 */
public enum PledgeStatus {
    MADE,
    SENT_BACK,
    REVISED,
    APPROVED,
    PUBLISHED,
    FULFILLED,
    LAPSED,
    WITHDRAWN;

    static final Set<PledgeStatus> AWAITING_REVIEW = EnumSet.of(MADE, REVISED);
    static final Set<PledgeStatus> IN_FORCE = EnumSet.of(APPROVED, PUBLISHED);
    static final Set<PledgeStatus> CLOSED = EnumSet.of(FULFILLED, LAPSED, WITHDRAWN);

    boolean isClosed() {
        return CLOSED.contains(this);
    }
}
