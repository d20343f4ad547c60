package org.campaign.evaluation.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * A campaign the pledge service defined: that it exists, and its period. The period is {@code null} for a campaign
 * kept before this service kept periods.
 */
@Document("roster-campaigns")
record RosterCampaign(@Id String id, LocalDate startsOn, LocalDate endsOn) {
}
