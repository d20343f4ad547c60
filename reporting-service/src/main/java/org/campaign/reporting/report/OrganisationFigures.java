package org.campaign.reporting.report;

import org.campaign.reporting.evaluation.EvaluationStatistics;
import org.campaign.reporting.pledge.PledgeStatistics;
import org.campaign.reporting.projection.BoundedCache;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.review.ReviewStatistics;
import org.campaign.reporting.roster.RosterStatistics;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.campaign.reporting.store.SetRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The per-organisation figures of one scope — loaded once, shared between requests and, after writes,
 * {@link #refreshed brought up to date} from what the writes changed ({@link OrganisationTrees#figures}) — and their
 * sums over any set of organisations (a subtree, a township, a sector). The cost grows with the number of
 * organisations, never with the number of pledges. An instance never changes (a refresh makes a new one), so what
 * the reports work out from it is kept with it ({@link #derived}): dashboards ask for the same reports again and
 * again between two writes.
 */
final class OrganisationFigures {

    private static final int MAX_DERIVED = 1_000;

    /** Everything the reports say about a node or a group of organisations. */
    record NodeFigures(long organisations, Figures.PledgeFigures pledges, MemberCoverage members,
                       Coverage pledgingOrganisations, Coverage reviewed, Coverage evaluated, long reviews,
                       Satisfaction satisfaction, Grades assessments) {
    }

    /** Members on the roster now and those who made a pledge. */
    record MemberCoverage(long enrolled, long withPledge, BigDecimal share) {
    }

    /** Active organisations and those covered (that pledged, were reviewed, were evaluated). */
    record Coverage(long organisations, long covered, BigDecimal share) {
    }

    /** Closed mass evaluations: answers and the satisfaction rate ((satisfied + basically) / respondents). */
    record Satisfaction(long evaluationsClosed, long respondents, long satisfied, long basicallySatisfied,
                        long dissatisfied, BigDecimal satisfactionRate) {
    }

    /** Organisation assessments by grade and the average total. */
    record Grades(long scored, long advanced, long middle, long lagging, BigDecimal averageTotal) {
    }

    final OrganisationTree tree;
    private final String scope;
    /** The key of the reviewed set: the round asked for, or any round. */
    private final String reviewedKey;
    private final Map<String, Map<String, Long>> byOrganisation;
    private final Map<String, Map<String, Long>> roster;
    /** Pledger set sizes by key ({@code <organisation>/<category>}), and their sums by organisation and category. */
    private final Map<String, Long> pledgerSets;
    private final Map<String, Long> pledgers = new HashMap<>();
    private final Map<String, Map<String, Long>> pledgersByCategory = new HashMap<>();
    private final Set<String> pledging;
    private final Set<String> reviewed;
    private final Set<String> evaluated;
    private final BoundedCache<Object, Object> derived = new BoundedCache<>(MAX_DERIVED);

    private OrganisationFigures(OrganisationTree tree, String scope, String reviewedKey,
                                Map<String, Map<String, Long>> byOrganisation, Map<String, Map<String, Long>> roster,
                                Map<String, Long> pledgerSets, Set<String> pledging, Set<String> reviewed,
                                Set<String> evaluated) {
        this.tree = tree;
        this.scope = scope;
        this.reviewedKey = reviewedKey;
        this.byOrganisation = byOrganisation;
        this.roster = CounterKey.ALL.equals(scope) ? byOrganisation : roster;
        this.pledgerSets = pledgerSets;
        pledgerSets.forEach((key, size) -> {
            int slash = key.lastIndexOf('/');
            String organisation = slash < 0 ? key : key.substring(0, slash);
            String category = slash < 0 ? CounterKey.UNKNOWN : key.substring(slash + 1);
            pledgers.merge(organisation, size, Long::sum);
            pledgersByCategory.computeIfAbsent(organisation, o -> new HashMap<>()).merge(category, size, Long::sum);
        });
        this.pledging = pledging;
        this.reviewed = reviewed;
        this.evaluated = evaluated;
    }

    /**
     * What {@code compute} works out from these figures, worked out once per {@code key} (which must name everything
     * else it depends on); at most {@value #MAX_DERIVED} are kept.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Supplier<T> compute) {
        return (T) derived.get(key, k -> compute.get());
    }

    /** Reads the figures of every organisation in the scope of {@code campaignId} (and review round). */
    static OrganisationFigures load(ReadModelStore store, OrganisationTree tree, String campaignId, String round) {
        String scope = CounterKey.scopeFor(campaignId);
        String reviewedKey = round == null || round.isBlank() ? ReviewStatistics.ANY_ROUND : round;
        Map<String, Map<String, Long>> byOrganisation = store.counters(CounterFamily.ORGANISATION, scope,
                CounterFamily.ORGANISATION_DIMENSION);
        Map<String, Map<String, Long>> roster = CounterKey.ALL.equals(scope) ? byOrganisation
                : store.counters(CounterFamily.ORGANISATION, CounterKey.ALL, CounterFamily.ORGANISATION_DIMENSION);
        return new OrganisationFigures(tree, scope, reviewedKey, byOrganisation, roster,
                store.setSizes(scope, PledgeStatistics.PLEDGERS_SET),
                new HashSet<>(store.setMembers(scope, PledgeStatistics.PLEDGING_ORGANISATIONS_SET, CounterKey.ALL)),
                new HashSet<>(store.setMembers(scope, ReviewStatistics.REVIEWED_SET, reviewedKey)),
                new HashSet<>(store.setMembers(scope, EvaluationStatistics.EVALUATED_SET, CounterKey.ALL)));
    }

    /**
     * These figures with what {@code changes} changed read again (only those counters and sets, by id), or these
     * figures themselves when nothing they hold changed.
     */
    OrganisationFigures refreshed(MongoReadModelStore store, MongoReadModelStore.Changes changes) {
        Map<String, Map<String, Long>> ownScope = reread(store, byOrganisation, scope, changes);
        Map<String, Map<String, Long>> district = CounterKey.ALL.equals(scope) ? ownScope
                : reread(store, roster, CounterKey.ALL, changes);
        List<String> pledgerKeys = new ArrayList<>();
        for (SetRef set : changes.sets()) {
            if (set.scope().equals(scope) && set.kind().equals(PledgeStatistics.PLEDGERS_SET)) {
                pledgerKeys.add(set.key());
            }
        }
        Map<String, Long> sets = pledgerSets;
        if (!pledgerKeys.isEmpty()) {
            sets = new HashMap<>(pledgerSets);
            sets.putAll(store.setSizes(scope, PledgeStatistics.PLEDGERS_SET, pledgerKeys));
        }
        Set<String> nowPledging = members(store, changes, PledgeStatistics.PLEDGING_ORGANISATIONS_SET, CounterKey.ALL,
                pledging);
        Set<String> nowReviewed = members(store, changes, ReviewStatistics.REVIEWED_SET, reviewedKey, reviewed);
        Set<String> nowEvaluated = members(store, changes, EvaluationStatistics.EVALUATED_SET, CounterKey.ALL, evaluated);
        if (ownScope == byOrganisation && district == roster && sets == pledgerSets && nowPledging == pledging
                && nowReviewed == reviewed && nowEvaluated == evaluated) {
            return this;
        }
        return new OrganisationFigures(tree, scope, reviewedKey, ownScope, district, sets, nowPledging, nowReviewed,
                nowEvaluated);
    }

    /** {@code figures} of the organisations' counters of {@code scope}, with those {@code changes} names read again. */
    private static Map<String, Map<String, Long>> reread(MongoReadModelStore store,
                                                         Map<String, Map<String, Long>> figures, String scope,
                                                         MongoReadModelStore.Changes changes) {
        List<CounterKey> changed = new ArrayList<>();
        for (CounterKey key : changes.counters()) {
            if (key.scope().equals(scope) && key.dimension().equals(CounterFamily.ORGANISATION_DIMENSION)) {
                changed.add(key);
            }
        }
        if (changed.isEmpty()) {
            return figures;
        }
        Map<String, Map<String, Long>> updated = new HashMap<>(figures);
        store.counters(CounterFamily.ORGANISATION, changed).forEach((key, fields) -> updated.put(key.key(), fields));
        return updated;
    }

    /** The members of one set of the scope, read again if {@code changes} names it. */
    private Set<String> members(MongoReadModelStore store, MongoReadModelStore.Changes changes, String kind, String key,
                                Set<String> members) {
        return changes.sets().contains(new SetRef(scope, kind, key))
                ? new HashSet<>(store.setMembers(scope, kind, key)) : members;
    }

    /** Members who made a pledge, per category, summed over {@code organisations}. */
    Map<String, Long> pledgersByCategory(Collection<String> organisations) {
        Map<String, Long> sum = new HashMap<>();
        organisations.forEach(o -> Figures.addInto(sum, pledgersByCategory.get(o)));
        return sum;
    }

    /** Members on the roster, per organisation field ({@code members}, {@code members_<CATEGORY>}). */
    Map<String, Long> roster(Collection<String> organisations) {
        Map<String, Long> sum = new HashMap<>();
        organisations.forEach(o -> Figures.addInto(sum, roster.get(o)));
        return sum;
    }

    /** Every organisation that has a figure or is in the tree. */
    Set<String> organisationIds() {
        Set<String> ids = new HashSet<>(byOrganisation.keySet());
        tree.nodes().forEach(node -> ids.add(node.id()));
        return ids;
    }

    NodeFigures sum(Collection<String> organisations) {
        Map<String, Long> fields = new HashMap<>();
        long active = 0;
        long activePledging = 0;
        long activeReviewed = 0;
        long activeEvaluated = 0;
        long withPledge = 0;
        for (String organisation : organisations) {
            Figures.addInto(fields, byOrganisation.get(organisation));
            withPledge += pledgers.getOrDefault(organisation, 0L);
            OrganisationTree.Node node = tree.node(organisation);
            if (node != null && node.active()) {
                active++;
                activePledging += pledging.contains(organisation) ? 1 : 0;
                activeReviewed += reviewed.contains(organisation) ? 1 : 0;
                activeEvaluated += evaluated.contains(organisation) ? 1 : 0;
            }
        }
        long enrolled = 0;
        for (String organisation : organisations) {
            enrolled += Figures.count(roster.get(organisation), RosterStatistics.MEMBERS);
        }
        return new NodeFigures(active, Figures.PledgeFigures.of(fields),
                new MemberCoverage(enrolled, withPledge, Figures.rate(withPledge, enrolled)),
                new Coverage(active, activePledging, Figures.rate(activePledging, active)),
                new Coverage(active, activeReviewed, Figures.rate(activeReviewed, active)),
                new Coverage(active, activeEvaluated, Figures.rate(activeEvaluated, active)),
                Figures.count(fields, ReviewStatistics.REVIEWS), satisfaction(fields), grades(fields));
    }

    /** The satisfaction in counted fields (of an organisation, a township, the district…). */
    static Satisfaction satisfaction(Map<String, Long> fields) {
        long respondents = Figures.count(fields, EvaluationStatistics.RESPONDENTS);
        long satisfied = Figures.count(fields, EvaluationStatistics.SATISFIED);
        long basically = Figures.count(fields, EvaluationStatistics.BASICALLY_SATISFIED);
        return new Satisfaction(Figures.count(fields, EvaluationStatistics.CLOSED), respondents, satisfied, basically,
                Figures.count(fields, EvaluationStatistics.DISSATISFIED), Figures.rate(satisfied + basically, respondents));
    }

    /** The assessment grades in counted fields. */
    static Grades grades(Map<String, Long> fields) {
        long scored = Figures.count(fields, EvaluationStatistics.SCORED);
        return new Grades(scored, Figures.count(fields, EvaluationStatistics.GRADE_PREFIX + "ADVANCED"),
                Figures.count(fields, EvaluationStatistics.GRADE_PREFIX + "MIDDLE"),
                Figures.count(fields, EvaluationStatistics.GRADE_PREFIX + "LAGGING"),
                average(Figures.count(fields, EvaluationStatistics.SCORE_TENTHS), scored));
    }

    private static BigDecimal average(long tenths, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(tenths).divide(BigDecimal.valueOf(count * 10), 1, RoundingMode.HALF_UP);
    }
}
