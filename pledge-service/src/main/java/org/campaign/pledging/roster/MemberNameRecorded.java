package org.campaign.pledging.roster;

/**
 * A member's name. Personal data: stored in this service's event store and roster only, never published —
 * it carries no {@code EventContract}, so the Kafka publisher leaves it out.
 */
public record MemberNameRecorded(String memberId, String name) {
}
