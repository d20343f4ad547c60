package org.campaign.reporting.pledge;

/** Names of the pledge counters ({@code pledge_stats}): their dimensions and counted fields. */
public final class PledgeStatistics {

    public static final String COLLECTION = "pledge_stats";
    public static final String FACTS = "pledge_facts";

    public static final String SECTOR = "sector";
    public static final String TOWNSHIP = "township";
    public static final String KIND = "kind";
    /** Only member pledges count in this dimension. */
    public static final String MEMBER_CATEGORY = "memberCategory";

    public static final String MADE = "made";
    public static final String FULFILLED = "fulfilled";

    private PledgeStatistics() {
    }
}
