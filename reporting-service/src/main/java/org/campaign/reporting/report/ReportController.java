package org.campaign.reporting.report;

import jakarta.validation.constraints.Pattern;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.audit.AsOfFigures;
import org.campaign.reporting.live.ProjectionLag;
import org.campaign.reporting.store.Generations;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Read-only statistics for the leadership group. Every report reads the active read-model generation; with
 * {@code asOf} (an ISO instant or a date) it is computed from the event log as the figures stood then.
 * The JSON shapes are documented in the README, section "Statistics and audit".
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}";

    private final PledgeSummaryReport pledgeSummary;
    private final Reports reports;
    private final Generations generations;
    private final AsOfFigures asOfFigures;
    private final ProjectionLag lag;

    public ReportController(PledgeSummaryReport pledgeSummary, Reports reports, Generations generations,
                            AsOfFigures asOfFigures, ProjectionLag lag) {
        this.pledgeSummary = pledgeSummary;
        this.reports = reports;
        this.generations = generations;
        this.asOfFigures = asOfFigures;
        this.lag = lag;
    }

    /** Where a report's figures come from: the live read models, or the event log folded up to an instant. */
    record Source(ReadModelStore store, String asOf, LocalDate today) {
    }

    Source source(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return new Source(generations.activeStore(), null, LocalDate.now(asOfFigures.zone()));
        }
        Instant instant = asOfFigures.parse(asOf.trim());
        return new Source(asOfFigures.at(instant), instant.toString(), instant.atZone(asOfFigures.zone()).toLocalDate());
    }

    /** Pledges made … withdrawn with the fulfilment rate, by status, sector, township, kind, focus, pledger type. */
    @GetMapping("/pledges/summary")
    public PledgeSummary pledgeSummary(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        return pledgeSummary.summary(source.store(), campaignId, source.asOf());
    }

    /** Pledge events per ISO week or month; of the district, or of one township or one sector. */
    @GetMapping("/pledges/timeline")
    public Reports.Timeline timeline(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(defaultValue = "month") @Pattern(regexp = "week|month", message = "must be week or month") String period,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a township id") String townshipId,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        return reports.timeline(source.store(), campaignId, period, townshipId, sector == null ? null : sector.name(),
                source.asOf());
    }

    /** Every campaign with its pledge figures. */
    @GetMapping("/campaigns")
    public List<Reports.CampaignRow> campaigns() {
        return reports.campaigns(generations.activeStore());
    }

    /** The top-level organisations with the figures of their subtrees. */
    @GetMapping("/organisations")
    public Reports.Roots organisations(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        return reports.roots(source(asOf).store(), campaignId);
    }

    /** Any node of the organisation tree: its subtree's figures and its children's. */
    @GetMapping("/organisations/{organisationId}")
    public Reports.NodeReport organisation(
            @PathVariable @Pattern(regexp = ID, message = "must be an organisation id") String organisationId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a review round") String round,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        Reports.NodeReport report = reports.organisation(source.store(), organisationId, campaignId, round, source.asOf());
        if (report == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No organisation " + organisationId);
        }
        return report;
    }

    /** Share of members with a pledge; of organisations that pledged, were reviewed (in a round), were evaluated. */
    @GetMapping("/coverage")
    public Reports.CoverageReport coverage(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a review round") String round,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        return reports.coverage(source.store(), campaignId, round, source.asOf());
    }

    /** Leadership reviews per rating and round; rectifications required, committed, completed, overdue. */
    @GetMapping("/reviews")
    public Reports.ReviewReport reviews(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        return reports.reviews(source.store(), campaignId, source.today(), source.asOf());
    }

    /** Mass evaluations: satisfaction overall, per township, sector and organisation. */
    @GetMapping("/evaluations")
    public Reports.EvaluationReport evaluations(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        return reports.evaluations(source.store(), campaignId, source.asOf());
    }

    /** Year-end assessments: grade distribution, per township, and the lagging-unit ledger. */
    @GetMapping("/assessments")
    public Reports.AssessmentReport assessments(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        return reports.assessments(source.store(), campaignId, source.asOf());
    }

    /** Townships, sectors or the children of a node ranked by a metric. */
    @GetMapping("/rankings")
    public Reports.Ranking rankings(
            @RequestParam(defaultValue = "township") @Pattern(regexp = "township|sector|organisation",
                    message = "must be township, sector or organisation") String by,
            @RequestParam(defaultValue = "fulfilmentRate")
            @Pattern(regexp = "fulfilmentRate|made|fulfilled|lapsed|satisfactionRate|advanced|lagging",
                    message = "must be one of fulfilmentRate, made, fulfilled, lapsed, satisfactionRate, advanced, lagging")
            String metric,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an organisation id") String parentId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        Reports.Ranking ranking = reports.ranking(source.store(), by, metric, campaignId, parentId, source.asOf());
        if (ranking == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No organisation " + parentId);
        }
        return ranking;
    }

    /** Consumer lag per source partition and the newest event time applied. */
    @GetMapping("/lag")
    public ProjectionLag.Report lag() {
        return lag.report();
    }
}
