package org.campaign.contracts.campaign;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;
import java.util.List;

/** A campaign such as 创先争优 was defined: its period and its phases with dates. */
@EventContract(revision = "1")
public record CampaignDefined(String campaignId, String name, LocalDate startsOn, LocalDate endsOn,
                              List<CampaignPhase> phases) {
}
