package org.campaign.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PledgeSummaryReportTest {

    @Test
    void rateIsAPercentageWithOneDecimalRoundedHalfUp() {
        assertThat(PledgeSummaryReport.rate(1, 3)).hasToString("33.3");
        assertThat(PledgeSummaryReport.rate(2, 3)).hasToString("66.7");
        assertThat(PledgeSummaryReport.rate(13_876, 24_768)).hasToString("56.0");
        assertThat(PledgeSummaryReport.rate(3, 3)).hasToString("100.0");
        assertThat(PledgeSummaryReport.rate(0, 0)).hasToString("0.0");
    }
}
