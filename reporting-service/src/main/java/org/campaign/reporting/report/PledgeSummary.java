package org.campaign.reporting.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Pledges made, approved, published, fulfilled, lapsed and withdrawn with the fulfilment rate (fulfilled as a
 * percentage of the pledges made and not withdrawn, one decimal), in total and broken down, plus the leadership
 * reviews recorded.
 *
 * @param campaignId       the campaign the figures are limited to; absent for all campaigns
 * @param asOf             the instant the figures are as of, when asked for; absent for the live figures
 * @param open             pledges neither fulfilled, lapsed nor withdrawn
 * @param sentBack         pledges sent back for revision at least once
 * @param oral             oral pledges recorded on a member's behalf
 * @param fulfilmentRate   {@code null} when no pledge is left to rate (none made, or all withdrawn); answered as
 *                         {@code null} then, never left out like the absent fields above
 * @param byStatus         pledges per current status (MADE, SENT_BACK, REVISED, APPROVED, PUBLISHED, FULFILLED,
 *                         LAPSED, WITHDRAWN), every status listed
 * @param bySector         every sector, in the order of {@code Sector}, zero (and a rate of {@code null}) where
 *                         nothing was pledged
 * @param byTownship       the townships, streets or departments that have pledges, by id
 * @param byKind           work pledges and practical-deed pledges
 * @param byFocus          central work, own situation, public wishes
 * @param byPledgerType    organisations and members
 * @param byMemberCategory member pledges only, by the member's category
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PledgeSummary(String campaignId, String asOf, long made, long approved, long published,
                            long fulfilled, long lapsed, long withdrawn, long open, long sentBack, long oral,
                            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal fulfilmentRate,
                            List<StatusCount> byStatus, List<Breakdown> bySector, List<Breakdown> byTownship,
                            List<Breakdown> byKind, List<Breakdown> byFocus, List<Breakdown> byPledgerType,
                            List<Breakdown> byMemberCategory, Reviews reviews) {

    /**
     * The figures of one value of a dimension, e.g. the sector {@code RURAL_VILLAGE}; {@code fulfilmentRate} is
     * {@code null} when no pledge is left to rate.
     */
    public record Breakdown(String key, long made, long approved, long published, long fulfilled, long lapsed,
                            long withdrawn, long open, BigDecimal fulfilmentRate) {
    }

    public record StatusCount(String key, long pledges) {
    }

    /** Leadership reviews (领导点评) recorded, in total and per rating. */
    public record Reviews(long recorded, List<RatingCount> byRating) {
    }

    public record RatingCount(String key, long recorded) {
    }
}
