package org.campaign.reporting.report;

import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.pledge.PledgeStatistics;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.GuardedCounters;
import org.campaign.reporting.review.ReviewStatistics;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the pledge summary from the counters of one scope (all campaigns, or one campaign). */
@Service
public class PledgeSummaryReport {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final GuardedCounters counters;

    public PledgeSummaryReport(GuardedCounters counters) {
        this.counters = counters;
    }

    public PledgeSummary summary(String campaignId) {
        String scope = CounterKey.scopeFor(campaignId);
        var pledges = counters.totals(PledgeStatistics.COLLECTION, scope);
        var reviews = counters.totals(ReviewStatistics.COLLECTION, scope);

        Map<String, Long> total = pledges.getOrDefault(CounterKey.TOTAL, Map.of()).getOrDefault(CounterKey.ALL, Map.of());
        long made = count(total, PledgeStatistics.MADE);
        long fulfilled = count(total, PledgeStatistics.FULFILLED);

        List<String> sectors = Arrays.stream(Sector.values()).map(Enum::name).toList();
        long reviewsRecorded = count(reviews.getOrDefault(CounterKey.TOTAL, Map.of())
                .getOrDefault(CounterKey.ALL, Map.of()), ReviewStatistics.RECORDED);
        List<PledgeSummary.RatingCount> byRating = new ArrayList<>();
        Map<String, Map<String, Long>> ratings = ordered(reviews.get(ReviewStatistics.RATING),
                Arrays.stream(Rating.values()).map(Enum::name).toList(), false);
        ratings.forEach((key, fields) -> byRating.add(
                new PledgeSummary.RatingCount(key, count(fields, ReviewStatistics.RECORDED))));

        return new PledgeSummary(blankToNull(campaignId), made, fulfilled, rate(fulfilled, made),
                breakdown(ordered(pledges.get(PledgeStatistics.SECTOR), sectors, true)),
                breakdown(ordered(pledges.get(PledgeStatistics.TOWNSHIP), List.of(), false)),
                breakdown(ordered(pledges.get(PledgeStatistics.KIND), List.of(), false)),
                breakdown(ordered(pledges.get(PledgeStatistics.MEMBER_CATEGORY), List.of(), false)),
                new PledgeSummary.Reviews(reviewsRecorded, byRating));
    }

    /** Fulfilled as a percentage of made, one decimal, half up; 0.0 when nothing was made. */
    static BigDecimal rate(long fulfilled, long made) {
        if (made == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(fulfilled).multiply(HUNDRED).divide(BigDecimal.valueOf(made), 1, RoundingMode.HALF_UP);
    }

    /**
     * The keys of a dimension: first the {@code known} ones in their order (all of them when {@code withZeros},
     * else only those counted), then any others alphabetically.
     */
    private static Map<String, Map<String, Long>> ordered(Map<String, Map<String, Long>> counted, List<String> known,
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

    private static List<PledgeSummary.Breakdown> breakdown(Map<String, Map<String, Long>> byKey) {
        List<PledgeSummary.Breakdown> rows = new ArrayList<>();
        byKey.forEach((key, fields) -> {
            long made = count(fields, PledgeStatistics.MADE);
            long fulfilled = count(fields, PledgeStatistics.FULFILLED);
            rows.add(new PledgeSummary.Breakdown(key, made, fulfilled, rate(fulfilled, made)));
        });
        return rows;
    }

    private static long count(Map<String, Long> fields, String field) {
        return fields.getOrDefault(field, 0L);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
