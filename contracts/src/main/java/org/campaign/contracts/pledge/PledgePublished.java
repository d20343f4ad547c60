package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** A pledge was made public (公布) on a notice board, at a meeting or in the media. */
@EventContract(revision = "1")
public record PledgePublished(String pledgeId, PublicationChannel channel, LocalDate publishedOn) {
}
