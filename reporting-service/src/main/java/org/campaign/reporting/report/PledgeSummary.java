package org.campaign.reporting.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Pledges made, fulfilled and the fulfilment rate (percent, one decimal), in total and broken down, plus the
 * leadership reviews recorded.
 *
 * @param campaignId       the campaign the figures are limited to; absent for all campaigns
 * @param bySector         every sector, in the order of {@code Sector}, zero where nothing was pledged
 * @param byTownship       the townships, streets or departments that have pledges, by id
 * @param byKind           work pledges and practical-deed pledges
 * @param byMemberCategory member pledges only, by the member's category
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PledgeSummary(String campaignId, long made, long fulfilled, BigDecimal fulfilmentRate,
                            List<Breakdown> bySector, List<Breakdown> byTownship, List<Breakdown> byKind,
                            List<Breakdown> byMemberCategory, Reviews reviews) {

    /** The figures of one value of a dimension, e.g. the sector {@code RURAL_VILLAGE}. */
    public record Breakdown(String key, long made, long fulfilled, BigDecimal fulfilmentRate) {
    }

    /** Leadership reviews (领导点评) recorded, in total and per rating. */
    public record Reviews(long recorded, List<RatingCount> byRating) {
    }

    public record RatingCount(String key, long recorded) {
    }
}
