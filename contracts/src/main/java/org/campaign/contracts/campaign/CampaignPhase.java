package org.campaign.contracts.campaign;

import java.time.LocalDate;

/** One phase of a campaign, e.g. mobilise (动员部署) from 2010-06-01 to 2010-07-31. */
public record CampaignPhase(String name, LocalDate startsOn, LocalDate endsOn) {
}
