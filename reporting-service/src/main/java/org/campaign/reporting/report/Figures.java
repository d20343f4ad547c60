package org.campaign.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import static org.campaign.reporting.pledge.PledgeStatistics.*;

/** Arithmetic shared by the reports: counted fields, rates and sums. */
public final class Figures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    /**
     * {@code part} as a percentage of {@code whole}, one decimal, half up; {@code null} when there is nothing to rate
     * (the whole is 0): the reports then answer the rate as {@code null}, never as 0.0.
     */
    public static BigDecimal rate(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    public static long count(Map<String, Long> fields, String field) {
        return fields == null ? 0 : fields.getOrDefault(field, 0L);
    }

    /** Fulfilled as a share of the pledges made and not withdrawn; {@code null} when there are none. */
    public static BigDecimal fulfilmentRate(Map<String, Long> fields) {
        return rate(count(fields, FULFILLED), count(fields, MADE) - count(fields, WITHDRAWN));
    }

    /** Adds every field of {@code fields} into {@code sum}. */
    public static void addInto(Map<String, Long> sum, Map<String, Long> fields) {
        if (fields != null) {
            fields.forEach((field, value) -> sum.merge(field, value, Long::sum));
        }
    }

    /** The pledge figures of one row of a breakdown, with a {@code null} rate when there is nothing to rate. */
    public record PledgeFigures(long made, long approved, long published, long fulfilled, long lapsed,
                                long withdrawn, long open, BigDecimal fulfilmentRate) {

        public static PledgeFigures of(Map<String, Long> fields) {
            return new PledgeFigures(count(fields, MADE), count(fields, APPROVED), count(fields, PUBLISHED),
                    count(fields, FULFILLED), count(fields, LAPSED), count(fields, WITHDRAWN), count(fields, OPEN),
                    Figures.fulfilmentRate(fields));
        }
    }
}
