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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The per-organisation figures of one scope — loaded once, shared between requests and, after writes,
 * {@link #refreshed brought up to date} from what the writes changed ({@link OrganisationTrees#figures}) — and their
 * sums over a subtree, a township, a sector or the district. The cost grows with the number of organisations, never
 * with the number of pledges.
 * <p>
 * An instance's figures never change (a refresh makes a new one). A group's sums are worked out once per
 * instance, and a refresh carries them over: the sums of a group with a changed organisation are brought up to date
 * by taking away what the organisation added before and adding what it adds now. Under a steady stream of events a
 * dashboard's tree reports then cost what the few changed organisations cost, not a sum over every organisation.
 * What the reports work out from an instance is kept with it too ({@link #derived}): dashboards ask for the same
 * reports again and again between two writes.
 */
final class OrganisationFigures {

    private static final int MAX_DERIVED = 1_000;

    /** The figures of no organisation at all. */
    static final NodeFigures NO_ORGANISATIONS = new Totals().figures();

    /** Everything the reports say about a node or a group of organisations. */
    record NodeFigures(long organisations, Figures.PledgeFigures pledges, MemberCoverage members,
                       Coverage pledgingOrganisations, Coverage reviewed, Coverage evaluated, long reviews,
                       Satisfaction satisfaction, Grades assessments) {
    }

    /** Members on the roster now and those who made a pledge; {@code share} is {@code null} when none is enrolled. */
    record MemberCoverage(long enrolled, long withPledge, BigDecimal share) {
    }

    /**
     * Active organisations and those covered (that pledged, were reviewed, were evaluated); {@code share} is
     * {@code null} when there is no active organisation.
     */
    record Coverage(long organisations, long covered, BigDecimal share) {
    }

    /**
     * Closed mass evaluations: answers and the satisfaction rate ((satisfied + basically) / respondents), {@code null}
     * when there were no respondents.
     */
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
    /** The pledger sets' sizes, by organisation and category. */
    private final Pledgers pledgers;
    private final Set<String> pledging;
    private final Set<String> reviewed;
    private final Set<String> evaluated;
    private final BoundedCache<Object, Object> derived = new BoundedCache<>(MAX_DERIVED);
    /** The sums of the subtrees asked for, by their top organisation. */
    private final Map<String, Totals> subtrees = new ConcurrentHashMap<>();
    /** The sums of the groupings asked for: grouping → key → sums, keys in order. */
    private final Map<Grouping, Map<String, Totals>> groupings = new ConcurrentHashMap<>();

    /** Ways of grouping every organisation in the scope (those outside the tree, or without the property: UNKNOWN). */
    enum Grouping {
        /** One group of them all, {@link CounterKey#ALL}. */
        DISTRICT(null),
        TOWNSHIP(OrganisationTree.Node::townshipId),
        SECTOR(OrganisationTree.Node::sector);

        private final Function<OrganisationTree.Node, String> property;

        Grouping(Function<OrganisationTree.Node, String> property) {
            this.property = property;
        }

        String keyOf(OrganisationTree tree, String organisation) {
            if (property == null) {
                return CounterKey.ALL;
            }
            OrganisationTree.Node node = tree.node(organisation);
            String key = node == null ? null : property.apply(node);
            return key == null ? CounterKey.UNKNOWN : key;
        }
    }

    private OrganisationFigures(OrganisationTree tree, String scope, String reviewedKey,
                                Map<String, Map<String, Long>> byOrganisation, Map<String, Map<String, Long>> roster,
                                Pledgers pledgers, Set<String> pledging,
                                Set<String> reviewed, Set<String> evaluated) {
        this.tree = tree;
        this.scope = scope;
        this.reviewedKey = reviewedKey;
        this.byOrganisation = byOrganisation;
        this.roster = CounterKey.ALL.equals(scope) ? byOrganisation : roster;
        this.pledgers = pledgers;
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
                Pledgers.of(store.setSizes(scope, PledgeStatistics.PLEDGERS_SET)),
                new HashSet<>(store.setMembers(scope, PledgeStatistics.PLEDGING_ORGANISATIONS_SET, CounterKey.ALL)),
                new HashSet<>(store.setMembers(scope, ReviewStatistics.REVIEWED_SET, reviewedKey)),
                new HashSet<>(store.setMembers(scope, EvaluationStatistics.EVALUATED_SET, CounterKey.ALL)));
    }

    /**
     * These figures with what {@code changes} changed read again (only those counters and sets, by id), or these
     * figures themselves when nothing they hold changed.
     */
    OrganisationFigures refreshed(MongoReadModelStore store, MongoReadModelStore.Changes changes) {
        Set<String> changed = new HashSet<>();
        Map<String, Map<String, Long>> ownScope = reread(store, byOrganisation, scope, changes, changed);
        Map<String, Map<String, Long>> district = CounterKey.ALL.equals(scope) ? ownScope
                : reread(store, roster, CounterKey.ALL, changes, changed);
        List<String> pledgerKeys = new ArrayList<>();
        for (SetRef set : changes.sets()) {
            if (set.scope().equals(scope) && set.kind().equals(PledgeStatistics.PLEDGERS_SET)) {
                pledgerKeys.add(set.key());
                changed.add(organisationOf(set.key()));
            }
        }
        Pledgers nowPledgers = pledgerKeys.isEmpty() ? pledgers
                : pledgers.resized(store.setSizes(scope, PledgeStatistics.PLEDGERS_SET, pledgerKeys));
        Set<String> nowPledging = members(store, changes, PledgeStatistics.PLEDGING_ORGANISATIONS_SET, CounterKey.ALL,
                pledging, changed);
        Set<String> nowReviewed = members(store, changes, ReviewStatistics.REVIEWED_SET, reviewedKey, reviewed,
                changed);
        Set<String> nowEvaluated = members(store, changes, EvaluationStatistics.EVALUATED_SET, CounterKey.ALL,
                evaluated, changed);
        if (ownScope == byOrganisation && district == roster && nowPledgers == pledgers && nowPledging == pledging
                && nowReviewed == reviewed && nowEvaluated == evaluated) {
            return this;
        }
        OrganisationFigures next = new OrganisationFigures(tree, scope, reviewedKey, ownScope, district, nowPledgers,
                nowPledging, nowReviewed, nowEvaluated);
        next.carrySums(this, changed);
        return next;
    }

    /**
     * Takes over the group sums {@code before} worked out, bringing those of groups with a {@code changed}
     * organisation up to date. The tree is the same (a new tree means figures loaded anew).
     */
    private void carrySums(OrganisationFigures before, Set<String> changed) {
        // What each changed organisation adds now less what it added before: the few fields that moved.
        Map<String, Totals> differences = new HashMap<>();
        for (String organisation : changed) {
            boolean was = before.inScope(organisation);
            boolean is = inScope(organisation);
            if (was || is) {
                Totals difference = new Totals();
                if (is) {
                    difference.add(this, organisation, 1);
                }
                if (was) {
                    difference.add(before, organisation, -1);
                }
                differences.put(organisation, difference.withoutZeros());
            }
        }
        // A snapshot: sums other requests add to the earlier figures meanwhile are left behind, not carried stale.
        Map<String, Totals> carriedSubtrees = new HashMap<>(before.subtrees);
        Map<String, Totals> updatedSubtrees = new HashMap<>();
        for (Map.Entry<String, Totals> entry : differences.entrySet()) {
            if (tree.node(entry.getKey()) == null) {
                continue; // in no subtree
            }
            // The subtrees an organisation is in are those of its path: the tops its parents lead up to.
            for (String top : tree.path(entry.getKey())) {
                Totals sums = updatedSubtrees.get(top);
                if (sums == null) {
                    Totals carried = carriedSubtrees.get(top);
                    if (carried == null) {
                        continue;
                    }
                    sums = carried.copy();
                    updatedSubtrees.put(top, sums);
                }
                sums.add(entry.getValue());
            }
        }
        subtrees.putAll(carriedSubtrees);
        subtrees.putAll(updatedSubtrees);
        before.groupings.forEach((grouping, sums) -> {
            Map<String, Totals> updated = new TreeMap<>(sums);
            Set<String> copied = new HashSet<>();
            differences.forEach((organisation, difference) -> {
                String key = grouping.keyOf(tree, organisation);
                if (copied.add(key)) {
                    // A group that had no organisation yet starts with this one, even if it adds nothing.
                    Totals carried = updated.get(key);
                    updated.put(key, carried == null ? new Totals() : carried.copy());
                }
                updated.get(key).add(difference);
            });
            groupings.put(grouping, updated);
        });
    }

    /** {@code figures} of the organisations' counters of {@code scope}, with those {@code changes} names read again. */
    private static Map<String, Map<String, Long>> reread(MongoReadModelStore store,
                                                         Map<String, Map<String, Long>> figures, String scope,
                                                         MongoReadModelStore.Changes changes, Set<String> changed) {
        List<CounterKey> keys = new ArrayList<>();
        for (CounterKey key : changes.counters()) {
            if (key.scope().equals(scope) && key.dimension().equals(CounterFamily.ORGANISATION_DIMENSION)) {
                keys.add(key);
                changed.add(key.key());
            }
        }
        if (keys.isEmpty()) {
            return figures;
        }
        Map<String, Map<String, Long>> updated = new HashMap<>(figures);
        store.counters(CounterFamily.ORGANISATION, keys).forEach((key, fields) -> updated.put(key.key(), fields));
        return updated;
    }

    /** The members of one set of the scope, read again if {@code changes} names it; those that came or went changed. */
    private Set<String> members(MongoReadModelStore store, MongoReadModelStore.Changes changes, String kind, String key,
                                Set<String> members, Set<String> changed) {
        if (!changes.sets().contains(new SetRef(scope, kind, key))) {
            return members;
        }
        Set<String> now = new HashSet<>(store.setMembers(scope, kind, key));
        now.stream().filter(member -> !members.contains(member)).forEach(changed::add);
        members.stream().filter(member -> !now.contains(member)).forEach(changed::add);
        return now;
    }

    /** Whether the organisation is among those the scope's groupings hold: it has figures or is in the tree. */
    private boolean inScope(String organisation) {
        return byOrganisation.containsKey(organisation) || tree.node(organisation) != null;
    }

    /** Every organisation that has a figure or is in the tree. */
    Set<String> organisationIds() {
        Set<String> ids = new HashSet<>(byOrganisation.keySet());
        tree.nodes().forEach(node -> ids.add(node.id()));
        return ids;
    }

    /** The figures of one organisation alone. */
    NodeFigures of(String organisation) {
        Totals own = new Totals();
        own.add(this, organisation, 1);
        return own.figures();
    }

    /** The figures of the organisation's subtree (itself and everything below it). */
    NodeFigures subtree(String top) {
        return subtrees.computeIfAbsent(top, t -> {
            Totals sums = new Totals();
            tree.subtree(t).forEach(organisation -> sums.add(this, organisation, 1));
            return sums;
        }).figures();
    }

    /** The figures of each group of the grouping, by key in order. */
    Map<String, NodeFigures> by(Grouping grouping) {
        Map<String, NodeFigures> figures = new LinkedHashMap<>();
        sums(grouping).forEach((key, sums) -> figures.put(key, sums.figures()));
        return figures;
    }

    /** The figures of every organisation in the scope. */
    NodeFigures district() {
        return district(Totals::figures);
    }

    /** Members on the roster in the whole scope, per roster field ({@code members}, {@code members_<CATEGORY>}). */
    Map<String, Long> roster() {
        return district(sums -> sums.roster);
    }

    /** Members who made a pledge in the whole scope, per category. */
    Map<String, Long> pledgersByCategory() {
        return district(sums -> sums.pledgersByCategory);
    }

    private <T> T district(Function<Totals, T> part) {
        return part.apply(sums(Grouping.DISTRICT).getOrDefault(CounterKey.ALL, new Totals()));
    }

    private Map<String, Totals> sums(Grouping grouping) {
        Map<String, Totals> sums = groupings.get(grouping);
        if (sums == null) {
            Map<String, Totals> worked = new TreeMap<>();
            for (String organisation : organisationIds()) {
                worked.computeIfAbsent(grouping.keyOf(tree, organisation), k -> new Totals())
                        .add(this, organisation, 1);
            }
            sums = groupings.computeIfAbsent(grouping, g -> worked);
        }
        return sums;
    }

    /**
     * Members with a pledge by organisation and category: the sizes of the pledger sets, whose keys are
     * {@code <organisation>/<category>}.
     */
    private record Pledgers(Map<String, Map<String, Long>> byCategory) {

        static Pledgers of(Map<String, Long> setSizes) {
            Pledgers pledgers = new Pledgers(new HashMap<>());
            setSizes.forEach(pledgers::put);
            return pledgers;
        }

        /** These sizes with those of {@code sizes} (of some sets) as they are now. */
        Pledgers resized(Map<String, Long> sizes) {
            Pledgers resized = new Pledgers(new HashMap<>(byCategory));
            Set<String> copied = new HashSet<>();
            sizes.forEach((key, size) -> {
                String organisation = organisationOf(key);
                if (copied.add(organisation)) {
                    resized.byCategory.put(organisation,
                            new HashMap<>(byCategory.getOrDefault(organisation, Map.of())));
                }
                resized.put(key, size);
            });
            return resized;
        }

        private void put(String key, long size) {
            int slash = key.lastIndexOf('/');
            String category = slash < 0 ? CounterKey.UNKNOWN : key.substring(slash + 1);
            byCategory.computeIfAbsent(organisationOf(key), o -> new HashMap<>()).put(category, size);
        }
    }

    private static String organisationOf(String pledgerKey) {
        int slash = pledgerKey.lastIndexOf('/');
        return slash < 0 ? pledgerKey : pledgerKey.substring(0, slash);
    }

    /**
     * Sums over a group of organisations of what their figures are made of: counted fields, roster fields, members
     * with a pledge per category, active organisations and those of them that pledged, were reviewed
     * and were evaluated. Changed only while it is being worked out, never once it is shared.
     */
    private static final class Totals {
        final Map<String, Long> fields;
        final Map<String, Long> roster;
        final Map<String, Long> pledgersByCategory;
        long active;
        long pledging;
        long reviewed;
        long evaluated;

        Totals() {
            this(new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        private Totals(Map<String, Long> fields, Map<String, Long> roster, Map<String, Long> pledgersByCategory) {
            this.fields = fields;
            this.roster = roster;
            this.pledgersByCategory = pledgersByCategory;
        }

        Totals copy() {
            Totals copy = new Totals(new HashMap<>(fields), new HashMap<>(roster), new HashMap<>(pledgersByCategory));
            copy.active = active;
            copy.pledging = pledging;
            copy.reviewed = reviewed;
            copy.evaluated = evaluated;
            return copy;
        }

        /** Adds ({@code sign} 1) or takes away (-1) what {@code organisation} adds in {@code figures}. */
        void add(OrganisationFigures figures, String organisation, int sign) {
            addInto(fields, figures.byOrganisation.get(organisation), sign);
            addInto(roster, figures.roster.get(organisation), sign);
            addInto(pledgersByCategory, figures.pledgers.byCategory().get(organisation), sign);
            OrganisationTree.Node node = figures.tree.node(organisation);
            if (node != null && node.active()) {
                active += sign;
                pledging += figures.pledging.contains(organisation) ? sign : 0;
                reviewed += figures.reviewed.contains(organisation) ? sign : 0;
                evaluated += figures.evaluated.contains(organisation) ? sign : 0;
            }
        }

        /** Adds {@code other} in. */
        void add(Totals other) {
            addInto(fields, other.fields, 1);
            addInto(roster, other.roster, 1);
            addInto(pledgersByCategory, other.pledgersByCategory, 1);
            active += other.active;
            pledging += other.pledging;
            reviewed += other.reviewed;
            evaluated += other.evaluated;
        }

        /** These sums without the fields that are 0 (of a difference: those that did not move). */
        Totals withoutZeros() {
            fields.values().removeIf(value -> value == 0);
            roster.values().removeIf(value -> value == 0);
            pledgersByCategory.values().removeIf(value -> value == 0);
            return this;
        }

        private static void addInto(Map<String, Long> sum, Map<String, Long> fields, int sign) {
            if (fields != null) {
                fields.forEach((field, value) -> sum.merge(field, sign * value, Long::sum));
            }
        }

        NodeFigures figures() {
            long enrolled = Figures.count(roster, RosterStatistics.MEMBERS);
            long withPledge = pledgersByCategory.values().stream().mapToLong(Long::longValue).sum();
            return new NodeFigures(active, Figures.PledgeFigures.of(fields),
                    new MemberCoverage(enrolled, withPledge, Figures.rate(withPledge, enrolled)),
                    new Coverage(active, pledging, Figures.rate(pledging, active)),
                    new Coverage(active, reviewed, Figures.rate(reviewed, active)),
                    new Coverage(active, evaluated, Figures.rate(evaluated, active)),
                    Figures.count(fields, ReviewStatistics.REVIEWS), satisfaction(fields), grades(fields));
        }
    }

    /** The satisfaction in counted fields (of an organisation, a township, the district…). */
    static Satisfaction satisfaction(Map<String, Long> fields) {
        long respondents = Figures.count(fields, EvaluationStatistics.RESPONDENTS);
        long satisfied = Figures.count(fields, EvaluationStatistics.SATISFIED);
        long basically = Figures.count(fields, EvaluationStatistics.BASICALLY_SATISFIED);
        return new Satisfaction(Figures.count(fields, EvaluationStatistics.CLOSED), respondents, satisfied, basically,
                Figures.count(fields, EvaluationStatistics.DISSATISFIED),
                Figures.rate(satisfied + basically, respondents));
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
