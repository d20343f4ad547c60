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

    /** {@code part} as a percentage of {@code whole}, one decimal, half up; 0.0 when the whole is 0. */
    public static BigDecimal rate(long part, long whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    public static long count(Map<String, Long> fields, String field) {
        return fields == null ? 0 : fields.getOrDefault(field, 0L);
    }

    /** Fulfilled as a share of the pledges made and not withdrawn. */
    public static BigDecimal fulfilmentRate(Map<String, Long> fields) {
        return rate(count(fields, FULFILLED), count(fields, MADE) - count(fields, WITHDRAWN));
    }

    /** Adds every field of {@code fields} into {@code sum}. */
    public static void addInto(Map<String, Long> sum, Map<String, Long> fields) {
        if (fields != null) {
            fields.forEach((field, value) -> sum.merge(field, value, Long::sum));
        }
    }

    /** The pledge figures of one row of a breakdown. */
    public record PledgeFigures(long made, long approved, long published, long fulfilled, long lapsed,
                                long withdrawn, long open, BigDecimal fulfilmentRate) {

        public static PledgeFigures of(Map<String, Long> fields) {
            return new PledgeFigures(count(fields, MADE), count(fields, APPROVED), count(fields, PUBLISHED),
                    count(fields, FULFILLED), count(fields, LAPSED), count(fields, WITHDRAWN), count(fields, OPEN),
                    Figures.fulfilmentRate(fields));
        }
    }
}
