package org.campaign.reporting.report;

import jakarta.validation.constraints.Pattern;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.audit.AsOfFigures;
import org.campaign.reporting.live.ProjectionLag;
import org.campaign.reporting.store.Generations;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Read-only statistics for the leadership group. Every report reads the active read-model generation; with
 * {@code asOf} (an ISO instant or a date) it is computed from the event log as the figures stood then. A campaign,
 * organisation, township or parent a report is asked about must exist now ({@link KnownIds}: 404 otherwise), and is
 * looked up before any figure is worked out.
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
    private final KnownIds known;
    private final ProjectionLag lag;

    public ReportController(PledgeSummaryReport pledgeSummary, Reports reports, Generations generations,
                            AsOfFigures asOfFigures, KnownIds known, ProjectionLag lag) {
        this.pledgeSummary = pledgeSummary;
        this.reports = reports;
        this.generations = generations;
        this.asOfFigures = asOfFigures;
        this.known = known;
        this.lag = lag;
    }

    /**
     * What a report is worked out against: the live read models, in which what it is asked about must exist, and the
     * instant its figures stand at ({@code null}: now) with that instant's date.
     */
    record Source(MongoReadModelStore live, Instant instant, LocalDate today) {

        String asOf() {
            return instant == null ? null : instant.toString();
        }
    }

    Source source(String asOf) {
        MongoReadModelStore live = generations.activeStore();
        if (asOf == null) {
            return new Source(live, null, LocalDate.now(asOfFigures.zone()));
        }
        if (asOf.isBlank()) {
            // An auditor's empty date must not turn silently into "now".
            throw new IllegalArgumentException("asOf: give an instant or a date, or leave the parameter out for now");
        }
        Instant instant = asOfFigures.parse(asOf.trim());
        return new Source(live, instant, instant.atZone(asOfFigures.zone()).toLocalDate());
    }

    /** The figures of the source: the live read models, or the event log folded up to its instant. */
    ReadModelStore figures(Source source) {
        return source.instant() == null ? source.live() : asOfFigures.at(source.instant());
    }

    /** Pledges made … withdrawn with the fulfilment rate, by status, sector, township, kind, focus, pledger type. */
    @GetMapping("/pledges/summary")
    public PledgeSummary pledgeSummary(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        return pledgeSummary.summary(figures(source), campaignId, source.asOf());
    }

    /** Pledge events per ISO week or month; of the district, or of one township or one sector. */
    @GetMapping("/pledges/timeline")
    public Reports.Timeline timeline(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(defaultValue = "month") @Pattern(regexp = "week|month", message = "must be week or month")
            String period,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a township id") String townshipId,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        known.requireTownship(source.live(), townshipId);
        return reports.timeline(figures(source), campaignId, period, townshipId, sector == null ? null : sector.name(),
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
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        return reports.roots(figures(source), campaignId);
    }

    /** Any node of the organisation tree: its subtree's figures and its children's. */
    @GetMapping("/organisations/{organisationId}")
    public Reports.NodeReport organisation(
            @PathVariable @Pattern(regexp = ID, message = "must be an organisation id") String organisationId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a review round") String round,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireOrganisation(source.live(), organisationId);
        known.requireCampaign(source.live(), campaignId);
        return reports.organisation(figures(source), organisationId, campaignId, round, source.asOf());
    }

    /** Share of members with a pledge; of organisations that pledged, were reviewed (in a round), were evaluated. */
    @GetMapping("/coverage")
    public Reports.CoverageReport coverage(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a review round") String round,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        return reports.coverage(figures(source), campaignId, round, source.asOf());
    }

    /** Leadership reviews per rating and round; rectifications required, committed, completed, overdue. */
    @GetMapping("/reviews")
    public Reports.ReviewReport reviews(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        return reports.reviews(figures(source), campaignId, source.today(), source.asOf());
    }

    /** Mass evaluations: satisfaction overall, per township, sector and organisation. */
    @GetMapping("/evaluations")
    public Reports.EvaluationReport evaluations(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        return reports.evaluations(figures(source), campaignId, source.asOf());
    }

    /** Year-end assessments: grade distribution, per township, and the lagging-unit ledger. */
    @GetMapping("/assessments")
    public Reports.AssessmentReport assessments(
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        return reports.assessments(figures(source), campaignId, source.asOf());
    }

    /**
     * Townships, sectors or the children of a node ranked by a metric. {@code parentId} names the node whose children
     * are ranked: an unknown one is a 404 whatever {@code by} is, and a known one is a 400 with another {@code by}.
     */
    @GetMapping("/rankings")
    public Reports.Ranking rankings(
            @RequestParam(defaultValue = "township") @Pattern(regexp = "township|sector|organisation",
                    message = "must be township, sector or organisation") String by,
            @RequestParam(defaultValue = "fulfilmentRate")
            @Pattern(regexp = "fulfilmentRate|made|fulfilled|lapsed|satisfactionRate|advanced|lagging",
                    message = "must be one of fulfilmentRate, made, fulfilled, lapsed, satisfactionRate, advanced, "
                            + "lagging")
            String metric,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a campaign id") String campaignId,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an organisation id")
            String parentId,
            @RequestParam(required = false) String asOf) {
        Source source = source(asOf);
        known.requireCampaign(source.live(), campaignId);
        known.requireOrganisation(source.live(), parentId);
        if (parentId != null && !"organisation".equals(by)) {
            throw new IllegalArgumentException("parentId ranks the children of an organisation: use it with "
                    + "by=organisation, not by=" + by);
        }
        return reports.ranking(figures(source), by, metric, campaignId, parentId, source.asOf());
    }

    /** Consumer lag per source partition and the newest event time applied. */
    @GetMapping("/lag")
    public ProjectionLag.Report lag() {
        return lag.report();
    }
}
