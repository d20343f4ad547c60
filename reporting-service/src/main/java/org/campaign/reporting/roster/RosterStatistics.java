package org.campaign.reporting.roster;

/** Names of the roster figures. */
public final class RosterStatistics {

    /** Kind of the organisation facts: the roster tree ({@code facts_organisation_<generation>}). */
    public static final String ORGANISATION_KIND = "organisation";
    /** Kind of the member facts. */
    public static final String MEMBER_KIND = "member";
    /** Kind of the campaign facts. */
    public static final String CAMPAIGN_KIND = "campaign";

    /** Members on the roster now; per organisation also {@code members_<CATEGORY>}. */
    public static final String MEMBERS = "members";
    public static final String MEMBERS_PREFIX = "members_";

    private RosterStatistics() {
    }
}
