package org.campaign.contracts.pledge;

/**
 * The organisation or member who pledges, and where the pledge counts in the statistics.
 *
 * @param type           organisation or member
 * @param id             the organisation's or member's id
 * @param memberCategory the member's category; {@code null} for an organisation
 * @param organisationId the organisation itself, or the member's organisation
 * @param sector         that organisation's sector
 * @param townshipId     the township, street (乡镇/街道) or department the organisation belongs to
 */
public record Pledger(PledgerType type, String id, MemberCategory memberCategory, String organisationId,
                      Sector sector, String townshipId) {
}
