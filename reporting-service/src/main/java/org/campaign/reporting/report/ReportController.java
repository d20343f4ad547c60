package org.campaign.reporting.report;

import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only statistics for the leadership group. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final PledgeSummaryReport pledgeSummary;

    public ReportController(PledgeSummaryReport pledgeSummary) {
        this.pledgeSummary = pledgeSummary;
    }

    /**
     * Pledges made and fulfilled with the fulfilment rate, per sector and township, and reviews recorded — over all
     * campaigns, or over one when {@code campaignId} is given. The figures follow the events with a short delay.
     */
    @GetMapping("/pledges/summary")
    public PledgeSummary pledgeSummary(
            @RequestParam(required = false)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = "must be a campaign id")
            String campaignId) {
        return pledgeSummary.summary(campaignId);
    }
}
