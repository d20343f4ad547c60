package org.campaign.reporting.pledge;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the statistics know of one pledge ({@code pledge_facts}, keyed by pledge id). The dimensions are those the
 * pledge had when it was made, so a later fulfilment counts where the pledge was counted as made.
 *
 * @param status       {@link #MADE} or {@link #FULFILLED}
 * @param lastSequence sequence of the last event of this pledge applied to the read model
 */
public record PledgeFact(@Id String pledgeId, String campaignId, String pledgerType, String pledgerId,
                         String organisationId, String sector, String townshipId, String memberCategory,
                         String kind, String status, Instant madeAt, LocalDate fulfilledOn, long lastSequence,
                         String lastEventId) {

    public static final String MADE = "MADE";
    public static final String FULFILLED = "FULFILLED";

    boolean fulfilled() {
        return FULFILLED.equals(status);
    }

    PledgeFact fulfil(LocalDate on, long sequence, String eventId) {
        return new PledgeFact(pledgeId, campaignId, pledgerType, pledgerId, organisationId, sector, townshipId,
                memberCategory, kind, FULFILLED, madeAt, on, sequence, eventId);
    }

    PledgeFact advance(long sequence, String eventId) {
        return new PledgeFact(pledgeId, campaignId, pledgerType, pledgerId, organisationId, sector, townshipId,
                memberCategory, kind, status, madeAt, fulfilledOn, sequence, eventId);
    }
}
