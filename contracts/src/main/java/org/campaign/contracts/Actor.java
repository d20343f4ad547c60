package org.campaign.contracts;

/**
 * Who did something: the acting user and the agency (组织/单位) on whose behalf they acted.
 */
public record Actor(String userId, String agencyId) {

    public static final Actor UNKNOWN = new Actor("unknown", "unknown");
}
