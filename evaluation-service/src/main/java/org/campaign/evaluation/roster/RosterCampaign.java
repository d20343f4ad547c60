package org.campaign.evaluation.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** A campaign the pledge service defined, as far as this service needs it: that it exists, and when it runs. */
@Document("roster-campaigns")
record RosterCampaign(@Id String id, String name, LocalDate startsOn, LocalDate endsOn) {
}
