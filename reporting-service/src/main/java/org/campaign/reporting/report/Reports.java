package org.campaign.reporting.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.Document;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.evaluation.EvaluationStatistics;
import org.campaign.reporting.pledge.PledgeStatistics;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.review.ReviewStatistics;
import org.campaign.reporting.roster.RosterStatistics;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.campaign.reporting.report.OrganisationFigures.grades;
import static org.campaign.reporting.report.OrganisationFigures.satisfaction;
import static org.campaign.service.web.Text.blankToNull;
import static org.campaign.reporting.report.Figures.count;
import static org.campaign.reporting.report.Figures.rate;

/**
 * The reports beyond the pledge summary: organisation nodes, coverage, reviews, evaluations, assessments…
 * <p>
 * Their lists of organisations and townships — the children of a node, the top-level organisations, coverage,
 * satisfaction and grades by township, evaluated organisations, the ledger by township, rankings — have no row for
 * a deregistered organisation or township ({@link OrganisationTree#deregistered}), in the tree the figures stand
 * at (as it is now, or as it stood at {@code asOf}). Its history still counts in the totals: the district's, its
 * sector's, and the subtree of the organisation above it.
 */
@Service
public class Reports {

    private final OrganisationTrees trees;
    private final SharedCounters counters;

    public Reports(OrganisationTrees trees, SharedCounters counters) {
        this.trees = trees;
        this.counters = counters;
    }

    // ------------------------------------------------------------------ organisation nodes

    /** A node of the organisation tree with its own figures (its whole subtree) and its children's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeReport(String organisationId, String name, String kind, String sector, String townshipId,
                             String parentId, boolean active, List<String> path, String campaignId, String asOf,
                             OrganisationFigures.NodeFigures figures, List<ChildRow> children) {
    }

    public record ChildRow(String organisationId, String name, String sector, OrganisationFigures.NodeFigures figures) {
    }

    public record Roots(List<ChildRow> organisations) {
    }

    /**
     * The figures of {@code organisationId} and its subtree, with its children that are not deregistered. An
     * organisation the tree does not hold (as of an instant before it was registered) is inactive, has no path and no
     * children, and figures of zero.
     */
    public NodeReport organisation(ReadModelStore store, String organisationId, String campaignId, String round,
                                   String asOf) {
        OrganisationTree tree = trees.of(store);
        OrganisationFigures figures = trees.figures(store, tree, campaignId, round);
        return figures.derived(Arrays.asList("organisation", organisationId, blankToNull(campaignId), asOf),
                () -> organisation(tree, organisationId, figures, campaignId, asOf));
    }

    private static NodeReport organisation(OrganisationTree tree, String organisationId, OrganisationFigures figures,
                                           String campaignId, String asOf) {
        OrganisationTree.Node node = tree.node(organisationId);
        if (node == null) {
            return new NodeReport(organisationId, null, null, null, null, null, false, List.of(),
                    blankToNull(campaignId), asOf, OrganisationFigures.NO_ORGANISATIONS, List.of());
        }
        List<ChildRow> children = new ArrayList<>();
        for (OrganisationTree.Node child : tree.activeChildren(organisationId)) {
            children.add(new ChildRow(child.id(), child.name(), child.sector(), figures.subtree(child.id())));
        }
        return new NodeReport(node.id(), node.name(), node.kind(), node.sector(), node.townshipId(), node.parentId(),
                node.active(), tree.path(organisationId), blankToNull(campaignId), asOf,
                figures.subtree(organisationId), children);
    }

    /** The top-level organisations that are not deregistered, with their subtrees' figures. */
    public Roots roots(ReadModelStore store, String campaignId) {
        OrganisationTree tree = trees.of(store);
        OrganisationFigures figures = trees.figures(store, tree, campaignId, null);
        List<ChildRow> rows = new ArrayList<>();
        for (OrganisationTree.Node root : tree.activeChildren(null)) {
            rows.add(new ChildRow(root.id(), root.name(), root.sector(), figures.subtree(root.id())));
        }
        return new Roots(rows);
    }

    // ------------------------------------------------------------------ coverage

    /** Coverage of members and organisations, district-wide and per township (by the roster tree). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CoverageReport(String campaignId, String round, String asOf,
                                 OrganisationFigures.MemberCoverage members, List<CategoryCoverage> membersByCategory,
                                 OrganisationFigures.Coverage organisationsPledging,
                                 OrganisationFigures.Coverage organisationsReviewed,
                                 OrganisationFigures.Coverage organisationsEvaluated, List<TownshipCoverage> byTownship) {
    }

    /** A category's members and those who made a pledge; {@code share} is {@code null} when none is enrolled. */
    public record CategoryCoverage(String key, long enrolled, long withPledge, BigDecimal share) {
    }

    public record TownshipCoverage(String key, String name, OrganisationFigures.MemberCoverage members,
                                   OrganisationFigures.Coverage organisationsPledging,
                                   OrganisationFigures.Coverage organisationsReviewed,
                                   OrganisationFigures.Coverage organisationsEvaluated) {
    }

    public CoverageReport coverage(ReadModelStore store, String campaignId, String round, String asOf) {
        OrganisationTree tree = trees.of(store);
        OrganisationFigures figures = trees.figures(store, tree, campaignId, round);
        return figures.derived(Arrays.asList("coverage", blankToNull(campaignId), blankToNull(round), asOf),
                () -> coverage(tree, figures, campaignId, round, asOf));
    }

    private static CoverageReport coverage(OrganisationTree tree, OrganisationFigures figures, String campaignId,
                                           String round, String asOf) {
        OrganisationFigures.NodeFigures district = figures.district();
        Map<String, Long> roster = figures.roster();
        Map<String, Long> pledgers = figures.pledgersByCategory();
        List<CategoryCoverage> byCategory = new ArrayList<>();
        for (String category : PledgeSummaryReport.names(MemberCategory.values())) {
            long enrolled = count(roster, RosterStatistics.MEMBERS_PREFIX + category);
            long withPledge = pledgers.getOrDefault(category, 0L);
            byCategory.add(new CategoryCoverage(category, enrolled, withPledge, rate(withPledge, enrolled)));
        }
        List<TownshipCoverage> byTownship = new ArrayList<>();
        figures.by(OrganisationFigures.Grouping.TOWNSHIP).forEach((township, sum) -> {
            if (!tree.deregistered(township)) {
                byTownship.add(new TownshipCoverage(township, tree.name(township), sum.members(),
                        sum.pledgingOrganisations(), sum.reviewed(), sum.evaluated()));
            }
        });
        return new CoverageReport(blankToNull(campaignId), blankToNull(round), asOf, district.members(), byCategory,
                district.pledgingOrganisations(), district.reviewed(), district.evaluated(), byTownship);
    }

    // ------------------------------------------------------------------ reviews

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewReport(String campaignId, String asOf, long recorded, List<PledgeSummary.RatingCount> byRating,
                               List<RoundRow> byRound, Rectifications rectifications) {
    }

    public record RoundRow(String round, long recorded, Map<String, Long> byRating, long rectificationRequired) {
    }

    /**
     * Rectifications required by reviews: committed to (整改表态, ever), reported done (completed or accepted),
     * accepted, reopened (ever), still open, and overdue (open with a deadline before {@code today}).
     */
    public record Rectifications(long required, long committed, long completed, long accepted, long reopened,
                                 long open, long overdue, String overdueOn) {
    }

    public ReviewReport reviews(ReadModelStore store, String campaignId, LocalDate today, String asOf) {
        String scope = CounterKey.scopeFor(campaignId);
        var stats = counters.stats(store, scope);
        Map<String, Long> total = stats.getOrDefault(CounterKey.TOTAL, Map.of()).getOrDefault(CounterKey.ALL, Map.of());
        List<PledgeSummary.RatingCount> byRating = new ArrayList<>();
        PledgeSummaryReport.ordered(stats.get(ReviewStatistics.RATING), PledgeSummaryReport.names(Rating.values()), true)
                .forEach((key, fields) -> byRating.add(new PledgeSummary.RatingCount(key,
                        count(fields, ReviewStatistics.RECORDED))));
        List<RoundRow> rounds = new ArrayList<>();
        new TreeMap<>(stats.getOrDefault(ReviewStatistics.ROUND, Map.of())).forEach((round, fields) -> {
            if (count(fields, ReviewStatistics.RECORDED) == 0) {
                return;
            }
            Map<String, Long> ratings = new LinkedHashMap<>();
            for (Rating rating : Rating.values()) {
                ratings.put(rating.name(), count(fields, ReviewStatistics.RATING_PREFIX + rating.name()));
            }
            rounds.add(new RoundRow(round, count(fields, ReviewStatistics.RECORDED), ratings,
                    count(fields, ReviewStatistics.RECTIFICATION_REQUIRED)));
        });
        long overdue = 0;
        String todayText = today.toString();
        for (var entry : counters.series(store, scope, CounterFamily.RECTIFICATION_DUE).entrySet()) {
            if (entry.getKey().compareTo(todayText) < 0) {
                overdue += count(entry.getValue(), ReviewStatistics.RECTIFICATION_OPEN);
            }
        }
        return new ReviewReport(blankToNull(campaignId), asOf, count(total, ReviewStatistics.RECORDED), byRating, rounds,
                new Rectifications(count(total, ReviewStatistics.RECTIFICATION_REQUIRED),
                        count(total, ReviewStatistics.RECTIFICATION_COMMITTED),
                        count(total, ReviewStatistics.RECTIFICATION_COMPLETED),
                        count(total, ReviewStatistics.RECTIFICATION_ACCEPTED),
                        count(total, ReviewStatistics.RECTIFICATION_REOPENED),
                        count(total, ReviewStatistics.RECTIFICATION_OPEN), overdue, todayText));
    }

    // ------------------------------------------------------------------ mass evaluations

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationReport(String campaignId, String asOf, long opened, long open,
                                   OrganisationFigures.Satisfaction overall, List<SatisfactionRow> byTownship,
                                   List<SatisfactionRow> bySector, List<SatisfactionRow> byOrganisation) {
    }

    /** One township, sector or organisation; a sector row has no name (its key is the sector's constant). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SatisfactionRow(String key, String name, OrganisationFigures.Satisfaction satisfaction) {
    }

    public EvaluationReport evaluations(ReadModelStore store, String campaignId, String asOf) {
        String scope = CounterKey.scopeFor(campaignId);
        var stats = counters.stats(store, scope);
        Map<String, Long> total = stats.getOrDefault(EvaluationStatistics.MASS_EVALUATION, Map.of())
                .getOrDefault(CounterKey.ALL, Map.of());
        OrganisationTree tree = trees.of(store);
        List<SatisfactionRow> byTownship = new ArrayList<>();
        new TreeMap<>(stats.getOrDefault(EvaluationStatistics.MASS_EVALUATION_TOWNSHIP, Map.of()))
                .forEach((township, fields) -> {
                    if (!tree.deregistered(township)) {
                        byTownship.add(new SatisfactionRow(township, tree.name(township), satisfaction(fields)));
                    }
                });
        OrganisationFigures figures = trees.figures(store, tree, campaignId, null);
        List<SatisfactionRow> bySector = new ArrayList<>();
        Map<String, OrganisationFigures.NodeFigures> sectors = figures.by(OrganisationFigures.Grouping.SECTOR);
        for (String sector : PledgeSummaryReport.names(Sector.values())) {
            bySector.add(new SatisfactionRow(sector, null,
                    sectors.getOrDefault(sector, OrganisationFigures.NO_ORGANISATIONS).satisfaction()));
        }
        if (sectors.containsKey(CounterKey.UNKNOWN)) {
            bySector.add(new SatisfactionRow(CounterKey.UNKNOWN, null, sectors.get(CounterKey.UNKNOWN).satisfaction()));
        }
        List<SatisfactionRow> byOrganisation = new ArrayList<>();
        for (String organisation : figures.organisationIds().stream().sorted().toList()) {
            OrganisationFigures.Satisfaction own = figures.of(organisation).satisfaction();
            if (own.evaluationsClosed() > 0 && !tree.deregistered(organisation)) {
                byOrganisation.add(new SatisfactionRow(organisation, tree.name(organisation), own));
            }
        }
        byOrganisation.sort(Comparator.comparing((SatisfactionRow row) -> row.satisfaction().satisfactionRate(),
                Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder())).thenComparing(SatisfactionRow::key));
        return new EvaluationReport(blankToNull(campaignId), asOf, count(total, EvaluationStatistics.OPENED),
                count(total, EvaluationStatistics.OPEN), satisfaction(total), byTownship, bySector, byOrganisation);
    }

    // ------------------------------------------------------------------ assessments and the ledger

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssessmentReport(String campaignId, String asOf, OrganisationFigures.Grades organisations,
                                   OrganisationFigures.Grades members, List<TownshipGrades> byTownship,
                                   Ledger ledger) {
    }

    public record TownshipGrades(String key, String name, OrganisationFigures.Grades grades) {
    }

    /**
     * The lagging-unit ledger: its progress and every entry. {@code byStatus} and each entry's {@code status} are the
     * evaluation service's ledger statuses; {@code checkFailed} counts the units that failed a final check at least
     * once; {@code clearedShare} is {@code null} when no unit was listed.
     */
    public record Ledger(long listed, long onLedger, long cleared, long withMeasures, long withLeader, long checkFailed,
                         BigDecimal clearedShare, Map<String, Long> byStatus, List<LedgerTownship> byTownship,
                         List<LedgerEntry> units) {
    }

    public record LedgerTownship(String key, String name, long listed, long onLedger, long cleared) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LedgerEntry(String ledgerId, String organisationId, String name, String townshipId, String campaignId,
                              Long year, BigDecimal total, String status, String leaderId, List<String> measures,
                              String dueOn, long progressReports, String lastProgress, String lastProgressOn,
                              long failedChecks, String findings, String checkedOn) {
    }

    public AssessmentReport assessments(ReadModelStore store, String campaignId, String asOf) {
        String scope = CounterKey.scopeFor(campaignId);
        var stats = counters.stats(store, scope);
        var grades = stats.getOrDefault(EvaluationStatistics.GRADE, Map.of());
        OrganisationTree tree = trees.of(store);
        List<TownshipGrades> byTownship = new ArrayList<>();
        new TreeMap<>(stats.getOrDefault(EvaluationStatistics.GRADE_TOWNSHIP, Map.of()))
                .forEach((township, fields) -> {
                    if (!tree.deregistered(township)) {
                        byTownship.add(new TownshipGrades(township, tree.name(township), grades(fields)));
                    }
                });
        Map<String, Long> ledger = stats.getOrDefault(EvaluationStatistics.LEDGER, Map.of()).getOrDefault(CounterKey.ALL, Map.of());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of("LISTED", "LEADER_ASSIGNED", "RECTIFYING", "CLEARED")) {
            byStatus.put(status, count(stats.getOrDefault(EvaluationStatistics.LEDGER_STATUS, Map.of()).get(status),
                    EvaluationStatistics.UNITS));
        }
        List<LedgerTownship> ledgerByTownship = new ArrayList<>();
        new TreeMap<>(stats.getOrDefault(EvaluationStatistics.LEDGER_TOWNSHIP, Map.of())).forEach((township, fields) -> {
            if (count(fields, EvaluationStatistics.LISTED) > 0 && !tree.deregistered(township)) {
                ledgerByTownship.add(new LedgerTownship(township, tree.name(township),
                        count(fields, EvaluationStatistics.LISTED), count(fields, EvaluationStatistics.ON_LEDGER),
                        count(fields, EvaluationStatistics.CLEARED)));
            }
        });
        List<LedgerEntry> units = new ArrayList<>();
        for (Document entry : store.facts(EvaluationStatistics.LEDGER_KIND)) {
            if (campaignId != null && !campaignId.isBlank() && !campaignId.equals(entry.getString("campaignId"))) {
                continue;
            }
            String organisation = entry.getString("organisationId");
            Object year = entry.get("year");
            units.add(new LedgerEntry(entry.getString("ledgerId"), organisation, tree.name(organisation),
                    entry.getString("townshipId"), entry.getString("campaignId"),
                    year instanceof Number n ? n.longValue() : null,
                    entry.getString("total") == null ? null : new BigDecimal(entry.getString("total")),
                    entry.getString("status"),
                    entry.getString("leaderId"), entry.getList("measures", String.class),
                    entry.getString("dueOn"), entry.get("progressReports") instanceof Number n ? n.longValue() : 0,
                    entry.getString("lastProgress"), entry.getString("lastProgressOn"),
                    entry.get("failedChecks") instanceof Number n ? n.longValue() : 0, entry.getString("findings"),
                    entry.getString("checkedOn")));
        }
        units.sort(Comparator.comparing((LedgerEntry e) -> "CLEARED".equals(e.status()))
                .thenComparing(e -> String.valueOf(e.townshipId())).thenComparing(LedgerEntry::ledgerId));
        long listed = count(ledger, EvaluationStatistics.LISTED);
        long cleared = count(ledger, EvaluationStatistics.CLEARED);
        return new AssessmentReport(blankToNull(campaignId), asOf, grades(grades.get("ORGANISATION")),
                grades(grades.get("MEMBER")), byTownship,
                new Ledger(listed, count(ledger, EvaluationStatistics.ON_LEDGER), cleared,
                        count(ledger, EvaluationStatistics.WITH_MEASURES), count(ledger, EvaluationStatistics.WITH_LEADER),
                        count(ledger, EvaluationStatistics.CHECK_FAILED), rate(cleared, listed), byStatus,
                        ledgerByTownship, units));
    }

    // ------------------------------------------------------------------ time series

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timeline(String campaignId, String townshipId, String sector, String asOf, String period,
                           List<TimelinePoint> points) {
    }

    /** Events in one week or month, counted on their business date (see {@code PledgeProjection}). */
    public record TimelinePoint(String period, long made, long sentBack, long approved, long published,
                                long progressReports, long fulfilled, long lapsed, long withdrawn) {
    }

    /** The pledges of the district, or of one township or one sector (the one the pledge was made in), over time. */
    public Timeline timeline(ReadModelStore store, String campaignId, String period, String townshipId, String sector,
                             String asOf) {
        if (townshipId != null && sector != null) {
            throw new IllegalArgumentException("Ask for one township or one sector, not both");
        }
        String dimension = "week".equals(period) ? CounterFamily.WEEK : CounterFamily.MONTH;
        String series = townshipId != null ? CounterFamily.sliced(dimension, PledgeStatistics.TOWNSHIP, townshipId)
                : sector != null ? CounterFamily.sliced(dimension, PledgeStatistics.SECTOR, sector) : dimension;
        List<TimelinePoint> points = new ArrayList<>();
        new TreeMap<>(counters.series(store, CounterKey.scopeFor(campaignId), series)).forEach((key, f) ->
                points.add(new TimelinePoint(key, count(f, PledgeStatistics.MADE), count(f, PledgeStatistics.SENT_BACK),
                        count(f, PledgeStatistics.APPROVED), count(f, PledgeStatistics.PUBLISHED),
                        count(f, PledgeStatistics.PROGRESS_REPORTS), count(f, PledgeStatistics.FULFILLED),
                        count(f, PledgeStatistics.LAPSED), count(f, PledgeStatistics.WITHDRAWN))));
        return new Timeline(blankToNull(campaignId), townshipId, sector, asOf, dimension, points);
    }

    // ------------------------------------------------------------------ rankings

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ranking(String by, String metric, String campaignId, String parentId, String asOf, List<RankRow> rows) {
    }

    /**
     * One township, sector or organisation in a ranking; rank 1 is the highest value of the metric. A rate is left
     * out when there is nothing to rate (no pledge made and not withdrawn, no respondents), and such rows rank last.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RankRow(int rank, String key, String name, long made, long fulfilled, long lapsed,
                          BigDecimal fulfilmentRate, Long respondents, BigDecimal satisfactionRate, Long advanced,
                          Long lagging) {
    }

    public static final List<String> RANKING_METRICS = List.of("fulfilmentRate", "made", "fulfilled", "lapsed",
            "satisfactionRate", "advanced", "lagging");

    /**
     * Townships (every township of the tree, and any other a pledge was made in), sectors, or the children of a
     * node of the tree (the top-level organisations without {@code parentId}; none when the tree does not hold it),
     * ranked by a metric, highest first (ties by key). Deregistered townships and organisations have no row.
     */
    public Ranking ranking(ReadModelStore store, String by, String metric, String campaignId, String parentId, String asOf) {
        String scope = CounterKey.scopeFor(campaignId);
        OrganisationTree tree = trees.of(store);
        List<RankRow> rows = new ArrayList<>();
        switch (by) {
            case "township" -> {
                var stats = counters.stats(store, scope);
                Map<String, Map<String, Long>> merged = new TreeMap<>();
                stats.getOrDefault(PledgeStatistics.TOWNSHIP, Map.of()).forEach((k, f) ->
                        Figures.addInto(merged.computeIfAbsent(k, x -> new HashMap<>()), f));
                stats.getOrDefault(EvaluationStatistics.MASS_EVALUATION_TOWNSHIP, Map.of()).forEach((k, f) ->
                        Figures.addInto(merged.computeIfAbsent(k, x -> new HashMap<>()), f));
                stats.getOrDefault(EvaluationStatistics.GRADE_TOWNSHIP, Map.of()).forEach((k, f) ->
                        Figures.addInto(merged.computeIfAbsent(k, x -> new HashMap<>()), f));
                tree.nodes().stream().filter(node -> node.id().equals(node.townshipId()))
                        .forEach(node -> merged.computeIfAbsent(node.id(), x -> new HashMap<>()));
                merged.keySet().removeIf(tree::deregistered);
                merged.forEach((key, fields) -> rows.add(row(key, tree.name(key), fields)));
            }
            case "sector" -> {
                var stats = counters.stats(store, scope, PledgeStatistics.SECTOR);
                OrganisationFigures figures = trees.figures(store, tree, campaignId, null);
                Map<String, OrganisationFigures.NodeFigures> sectors = figures.by(OrganisationFigures.Grouping.SECTOR);
                for (String sector : PledgeSummaryReport.names(Sector.values())) {
                    Map<String, Long> fields = new HashMap<>(stats.getOrDefault(sector, Map.of()));
                    OrganisationFigures.NodeFigures node =
                            sectors.getOrDefault(sector, OrganisationFigures.NO_ORGANISATIONS);
                    rows.add(row(sector, null, fields, node.satisfaction(), node.assessments()));
                }
            }
            default -> {
                OrganisationFigures figures = trees.figures(store, tree, campaignId, null);
                for (OrganisationTree.Node child : tree.activeChildren(parentId)) {
                    OrganisationFigures.NodeFigures node = figures.subtree(child.id());
                    rows.add(row(child.id(), child.name(), node.pledges(), node.satisfaction(), node.assessments()));
                }
            }
        }
        Comparator<RankRow> order = Comparator.comparing((RankRow r) -> metricOf(r, metric),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(RankRow::key);
        rows.sort(order);
        List<RankRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RankRow r = rows.get(i);
            ranked.add(new RankRow(i + 1, r.key(), r.name(), r.made(), r.fulfilled(), r.lapsed(), r.fulfilmentRate(),
                    r.respondents(), r.satisfactionRate(), r.advanced(), r.lagging()));
        }
        return new Ranking(by, metric, blankToNull(campaignId), parentId, asOf, ranked);
    }

    private static RankRow row(String key, String name, Map<String, Long> fields) {
        return row(key, name, fields, satisfaction(fields), grades(fields));
    }

    private static RankRow row(String key, String name, Map<String, Long> fields,
                               OrganisationFigures.Satisfaction satisfaction, OrganisationFigures.Grades grades) {
        return row(key, name, Figures.PledgeFigures.of(fields), satisfaction, grades);
    }

    private static RankRow row(String key, String name, Figures.PledgeFigures p,
                               OrganisationFigures.Satisfaction satisfaction, OrganisationFigures.Grades grades) {
        return new RankRow(0, key, name, p.made(), p.fulfilled(), p.lapsed(), p.fulfilmentRate(),
                satisfaction.respondents(), satisfaction.satisfactionRate(), grades.advanced(), grades.lagging());
    }

    private static BigDecimal metricOf(RankRow row, String metric) {
        return switch (metric) {
            case "made" -> BigDecimal.valueOf(row.made());
            case "fulfilled" -> BigDecimal.valueOf(row.fulfilled());
            case "lapsed" -> BigDecimal.valueOf(row.lapsed());
            case "satisfactionRate" -> row.satisfactionRate();
            case "advanced" -> row.advanced() == null ? null : BigDecimal.valueOf(row.advanced());
            case "lagging" -> row.lagging() == null ? null : BigDecimal.valueOf(row.lagging());
            default -> row.fulfilmentRate();
        };
    }

    // ------------------------------------------------------------------ campaigns

    public record CampaignRow(String campaignId, String name, String startsOn, String endsOn, List<Document> phases,
                              Figures.PledgeFigures pledges) {
    }

    public List<CampaignRow> campaigns(ReadModelStore store) {
        Map<String, Map<String, Long>> figures = counters.stats(store, CounterKey.ALL, PledgeStatistics.CAMPAIGN);
        Map<String, Document> defined = new TreeMap<>();
        store.facts(RosterStatistics.CAMPAIGN_KIND).forEach(c -> defined.put(c.getString("campaignId"), c));
        Set<String> ids = new java.util.TreeSet<>(defined.keySet());
        ids.addAll(figures.keySet());
        List<CampaignRow> rows = new ArrayList<>();
        for (String id : ids) {
            Document campaign = defined.get(id);
            List<Document> phases = campaign == null ? List.of() : campaign.getList("phases", Document.class, List.of());
            List<Document> plain = phases.stream().map(p -> {
                Document copy = new Document(p);
                copy.remove("_id");
                return copy;
            }).toList();
            rows.add(new CampaignRow(id, campaign == null ? null : campaign.getString("name"),
                    campaign == null ? null : campaign.getString("startsOn"),
                    campaign == null ? null : campaign.getString("endsOn"), plain,
                    Figures.PledgeFigures.of(figures.getOrDefault(id, Map.of()))));
        }
        return rows;
    }

}
