package org.campaign.service.security;

import java.util.Set;

/** The roles a token can carry (claim {@code roles}); see the README for who holds which. */
public final class Roles {

    /** Staff of an agency: write within the agency's own subtree. */
    public static final String AGENCY_STAFF = "AGENCY_STAFF";
    /** Leaders who review assigned organisations and members. */
    public static final String REVIEWER = "REVIEWER";
    /** Inspection groups: mass evaluations and assessments in their assigned townships. */
    public static final String INSPECTION_GROUP = "INSPECTION_GROUP";
    /** The campaign's leadership group: reads all statistics. */
    public static final String LEADERSHIP = "LEADERSHIP";
    /** Auditors: history, figures as of a date, chain verification; read only. */
    public static final String AUDITOR = "AUDITOR";
    /** The district office: campaigns, agencies, assignments. */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    public static final Set<String> ALL = Set.of(AGENCY_STAFF, REVIEWER, INSPECTION_GROUP, LEADERSHIP, AUDITOR,
            ADMINISTRATOR);

    private Roles() {
    }
}
