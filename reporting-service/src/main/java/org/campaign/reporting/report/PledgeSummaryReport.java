package org.campaign.reporting.report;

import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.review.ReviewStatistics;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.campaign.service.web.Text.blankToNull;
import static org.campaign.reporting.pledge.PledgeStatistics.*;

/**
 * Builds the pledge summary from the counters of one scope (all campaigns, or one campaign; {@link SharedCounters}):
 * a scan of the small statistics collection, whatever the number of pledges, or none when they are shared.
 */
@Service
public class PledgeSummaryReport {

    static final List<String> STATUSES = List.of("MADE", "SENT_BACK", "REVISED", "APPROVED", "PUBLISHED",
            "FULFILLED", "LAPSED", "WITHDRAWN");

    private final SharedCounters counters;

    public PledgeSummaryReport(SharedCounters counters) {
        this.counters = counters;
    }

    public PledgeSummary summary(ReadModelStore store, String campaignId, String asOf) {
        String scope = CounterKey.scopeFor(campaignId);
        var stats = counters.stats(store, scope);
        Map<String, Long> total = stats.getOrDefault(CounterKey.TOTAL, Map.of()).getOrDefault(CounterKey.ALL, Map.of());

        Map<String, Map<String, Long>> reviewRatings = ordered(stats.get(ReviewStatistics.RATING), names(Rating.values()), true);
        List<PledgeSummary.RatingCount> byRating = new ArrayList<>();
        reviewRatings.forEach((key, fields) -> byRating.add(
                new PledgeSummary.RatingCount(key, Figures.count(fields, ReviewStatistics.RECORDED))));
        long reviewsRecorded = Figures.count(total, ReviewStatistics.RECORDED);

        List<PledgeSummary.StatusCount> byStatus = new ArrayList<>();
        for (String status : STATUSES) {
            byStatus.add(new PledgeSummary.StatusCount(status, Figures.count(total, STATUS_PREFIX + status)));
        }
        return new PledgeSummary(blankToNull(campaignId), asOf, Figures.count(total, MADE),
                Figures.count(total, APPROVED), Figures.count(total, PUBLISHED), Figures.count(total, FULFILLED),
                Figures.count(total, LAPSED), Figures.count(total, WITHDRAWN), Figures.count(total, OPEN),
                Figures.count(total, SENT_BACK), Figures.count(total, ORAL), Figures.fulfilmentRate(total), byStatus,
                breakdown(ordered(stats.get(SECTOR), names(Sector.values()), true)),
                breakdown(ordered(stats.get(TOWNSHIP), List.of(), false)),
                breakdown(ordered(stats.get(KIND), names(PledgeKind.values()), false)),
                breakdown(ordered(stats.get(FOCUS), names(PledgeFocus.values()), false)),
                breakdown(ordered(stats.get(PLEDGER_TYPE), names(PledgerType.values()), false)),
                breakdown(ordered(stats.get(MEMBER_CATEGORY), names(MemberCategory.values()), false)),
                new PledgeSummary.Reviews(reviewsRecorded, byRating));
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /**
     * The keys of a dimension that have pledges: first the {@code known} ones in their order (all of them when
     * {@code withZeros}), then any others alphabetically.
     */
    static Map<String, Map<String, Long>> ordered(Map<String, Map<String, Long>> counted, List<String> known,
                                                  boolean withZeros) {
        Map<String, Map<String, Long>> source = counted == null ? Map.of() : counted;
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (String key : known) {
            if (withZeros || source.containsKey(key)) {
                result.put(key, source.getOrDefault(key, Map.of()));
            }
        }
        new TreeMap<>(source).forEach(result::putIfAbsent);
        return result;
    }

    static List<PledgeSummary.Breakdown> breakdown(Map<String, Map<String, Long>> byKey) {
        List<PledgeSummary.Breakdown> rows = new ArrayList<>();
        byKey.forEach((key, fields) -> {
            if (!fields.isEmpty() && Figures.count(fields, MADE) == 0 && !fields.containsKey(MADE)) {
                return; // a key counted by other figures only (e.g. reviews per round), not a pledge row
            }
            var figures = Figures.PledgeFigures.of(fields);
            rows.add(new PledgeSummary.Breakdown(key, figures.made(), figures.approved(), figures.published(),
                    figures.fulfilled(), figures.lapsed(), figures.withdrawn(), figures.open(), figures.fulfilmentRate()));
        });
        return rows;
    }

}
