package org.campaign.reporting.pledge;

/** Names of the pledge figures: dimensions and counted fields. */
public final class PledgeStatistics {

    /** Kind of the pledge facts ({@code facts_pledge_<generation>}). */
    public static final String FACT_KIND = "pledge";

    public static final String SECTOR = "sector";
    public static final String TOWNSHIP = "township";
    public static final String KIND = "kind";
    public static final String FOCUS = "focus";
    public static final String PLEDGER_TYPE = "pledgerType";
    /** Only member pledges count in this dimension. */
    public static final String MEMBER_CATEGORY = "memberCategory";
    /** In the district-wide scope only: the figures of each campaign side by side. */
    public static final String CAMPAIGN = "campaign";

    /** Every pledge made, whatever became of it. */
    public static final String MADE = "made";
    /** Pledges approved by the superior (ever; they stay counted when later fulfilled). */
    public static final String APPROVED = "approved";
    /** Pledges made public (ever). */
    public static final String PUBLISHED = "published";
    /** Pledges sent back for revision at least once (审诺). */
    public static final String SENT_BACK = "sentBack";
    /** Pledges on which progress was reported at least once (践诺). */
    public static final String PROGRESS_REPORTED = "progressReported";
    public static final String FULFILLED = "fulfilled";
    public static final String LAPSED = "lapsed";
    public static final String WITHDRAWN = "withdrawn";
    /** Pledges neither fulfilled, lapsed nor withdrawn. */
    public static final String OPEN = "open";
    /** Oral pledges recorded by a branch on an elderly member's behalf (口头承诺). */
    public static final String ORAL = "oral";
    /** Prefix of the current-status fields: {@code status_PUBLISHED}… */
    public static final String STATUS_PREFIX = "status_";
    /** Time series only: progress reports made in the period. */
    public static final String PROGRESS_REPORTS = "progressReports";

    /** Set kind: members who made a pledge, keyed by {@code <organisationId>/<category>}. */
    public static final String PLEDGERS_SET = "pledgers";
    /** Set kind: organisations that made a pledge themselves, key {@code all}. */
    public static final String PLEDGING_ORGANISATIONS_SET = "pledgingOrganisations";

    private PledgeStatistics() {
    }
}
