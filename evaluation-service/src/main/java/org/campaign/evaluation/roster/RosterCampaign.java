package org.campaign.evaluation.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A campaign the pledge service defined: all this service needs of it is that it exists. */
@Document("roster-campaigns")
record RosterCampaign(@Id String id) {
}
