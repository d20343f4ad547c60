package org.campaign.reporting.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.pledge.PledgeStatistics.FULFILLED;
import static org.campaign.reporting.pledge.PledgeStatistics.MADE;
import static org.campaign.reporting.pledge.PledgeStatistics.WITHDRAWN;

class FiguresTest {

    @Test
    void rateIsAPercentageWithOneDecimalRoundedHalfUp() {
        assertThat(Figures.rate(1, 3)).hasToString("33.3");
        assertThat(Figures.rate(2, 3)).hasToString("66.7");
        assertThat(Figures.rate(13_876, 24_768)).hasToString("56.0");
        assertThat(Figures.rate(3, 3)).hasToString("100.0");
        assertThat(Figures.rate(0, 3)).hasToString("0.0");
    }

    @Test
    void aRateWithNothingToRateIsNull() {
        assertThat(Figures.rate(0, 0)).isNull();
        assertThat(Figures.fulfilmentRate(Map.of())).isNull();
        assertThat(Figures.fulfilmentRate(Map.of(MADE, 2L, WITHDRAWN, 2L))).isNull();
        assertThat(Figures.fulfilmentRate(Map.of(MADE, 3L, WITHDRAWN, 1L, FULFILLED, 1L))).hasToString("50.0");
        assertThat(Figures.PledgeFigures.of(Map.of(MADE, 1L, WITHDRAWN, 1L)).fulfilmentRate()).isNull();
    }
}
