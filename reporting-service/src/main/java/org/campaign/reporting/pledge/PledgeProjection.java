package org.campaign.reporting.pledge;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.pledge.PledgeApproved;
import org.campaign.contracts.pledge.PledgeFulfilled;
import org.campaign.contracts.pledge.PledgeLapsed;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.PledgeProgressReported;
import org.campaign.contracts.pledge.PledgePublished;
import org.campaign.contracts.pledge.PledgeRevised;
import org.campaign.contracts.pledge.PledgeSentBack;
import org.campaign.contracts.pledge.PledgeWithdrawn;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.reporting.projection.Contribution;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterGroups;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EnvelopeReader;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.FieldAmounts;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.campaign.reporting.projection.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.campaign.reporting.pledge.PledgeStatistics.*;

/**
 * Projects the pledge lifecycle into counters that follow each pledge's status: made → (sent back → revised)* →
 * approved → published → progress reported → fulfilled, or lapsed, or withdrawn.
 * <p>
 * A pledge's <i>contribution</i> ({@link #amountsOf its amounts} in {@link #keysOf its counters}) is what it adds,
 * in its current state, to every statistic it belongs to — the district and its campaign, its sector, township,
 * kind, focus, pledger type, member category and organisation: {@code made} always,
 * {@code approved}/{@code published}/{@code sentBack} once reached, {@code fulfilled}/{@code lapsed}/
 * {@code withdrawn}/{@code open} and {@code status_<STATUS>} by its current status. Each event changes the counters
 * by the difference between the contribution after and before it, so a status counter is incremented for the new
 * state and decremented for the old, and a revision that changes the kind or focus moves the whole pledge between
 * those counters.
 * <p>
 * The sector and township are those the pledge was made with ({@link Pledger}): a later move of the organisation
 * does not move the pledge between townships in these breakdowns (the organisation-tree reports use the current tree).
 * <p>
 * Time series count events in the week and month of their business date, district-wide and per township and sector
 * of the pledge: made and withdrawn on the day they were
 * recorded ({@code occurredAt} in the reporting time zone), approved on {@code approvedOn}, published on
 * {@code publishedOn}, progress on {@code reportedOn}, fulfilled on {@code fulfilledOn} and lapsed on the deadline.
 * <p>
 * Events that contradict the read model — any event but {@code PledgeMade} for an unknown pledge, a second
 * {@code PledgeMade} — are unprojectable and go to the dead-letter topic. Events after a pledge was closed (which
 * the pledge service refuses to produce) change no figure.
 */
@Component
public class PledgeProjection implements EventProjection {

    static final String PLEDGE_MADE = PledgeMade.class.getSimpleName();

    private static final Logger log = LoggerFactory.getLogger(PledgeProjection.class);
    private static final Set<String> CLOSED = Set.of("FULFILLED", "LAPSED", "WITHDRAWN");
    /** The fields of a pledge's fact that decide which statistics it counts in. */
    private static final List<String> DIMENSIONS = List.of("campaignId", "sector", "townshipId", "kind", "focus",
            "pledgerType", "memberCategory", "organisationId");
    /** The flags of a pledge's fact, each counted under the same name. */
    private static final List<String> FLAGS = List.of(APPROVED, PUBLISHED, SENT_BACK, PROGRESS_REPORTED, ORAL);

    private final EnvelopeReader reader;
    private final CounterGroups groups = new CounterGroups();
    /** The amounts of each status and combination of flags, made when first met. */
    private final Map<String, AtomicReferenceArray<FieldAmounts>> amounts = new ConcurrentHashMap<>();

    public PledgeProjection(EnvelopeReader reader) {
        this.reader = reader;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PLEDGE_MADE, PledgeSentBack.class.getSimpleName(), PledgeRevised.class.getSimpleName(),
                PledgeApproved.class.getSimpleName(), PledgePublished.class.getSimpleName(),
                PledgeProgressReported.class.getSimpleName(), PledgeFulfilled.class.getSimpleName(),
                PledgeLapsed.class.getSimpleName(), PledgeWithdrawn.class.getSimpleName());
    }

    @Override
    public String factKind() {
        return FACT_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        Document before = context.fact();
        if (PLEDGE_MADE.equals(event.type())) {
            made(event, before, context);
            return;
        }
        Document after = transition(event, before, context);
        if (after == null) {
            return;
        }
        List<CounterKey> keys = keysOf(before);
        List<CounterKey> keysAfter = sameDimensions(before, after) ? keys : keysOf(after);
        Contribution.applyDifference(keys, amountsOf(before), keysAfter, amountsOf(after), context);
        context.saveFact(after);
    }

    private void made(EventEnvelope event, Document existing, ProjectionContext context) {
        PledgeMade made = reader.payload(event, PledgeMade.class);
        requireSamePledge(event, made.pledgeId());
        Pledger pledger = made.pledger();
        if (pledger == null) {
            throw new UnprojectableEventException("PledgeMade " + event.eventId() + " has no pledger");
        }
        if (existing != null) {
            throw new UnprojectableEventException("PledgeMade " + event.eventId() + ": pledge " + made.pledgeId()
                    + " was already made by event " + existing.getString("lastEventId"));
        }
        // What later events need to move the pledge between counters; titles, targets and dates stay in the events.
        Document fact = new Document("pledgeId", made.pledgeId())
                .append("campaignId", blankToNull(made.campaignId()))
                .append("pledgerType", name(pledger.type()))
                .append("organisationId", blankToNull(pledger.organisationId()))
                .append("sector", name(pledger.sector()))
                .append("townshipId", blankToNull(pledger.townshipId()))
                .append("memberCategory", pledger.type() == PledgerType.MEMBER ? name(pledger.memberCategory()) : null)
                .append("kind", name(made.kind()))
                .append("focus", name(made.focus()))
                .append("oral", made.oral())
                .append("status", "MADE");
        Contribution.applyAdded(keysOf(fact), amountsOf(fact), context);
        List<String> scopes = CounterKey.scopesOf(made.campaignId());
        Values.countInPeriods(context, scopes, Values.dateOf(event.occurredAt(), context.zone()), MADE,
                slices(fact));
        for (String scope : scopes) {
            if (pledger.type() == PledgerType.MEMBER) {
                context.addToSet(scope, PLEDGERS_SET, pledger.organisationId() + "/"
                        + orUnknown(name(pledger.memberCategory())), pledger.id());
            } else {
                context.addToSet(scope, PLEDGING_ORGANISATIONS_SET, CounterKey.ALL, pledger.id());
            }
        }
        context.saveFact(fact);
    }

    /** The fact after a lifecycle event, or {@code null} when the event changes nothing. */
    private Document transition(EventEnvelope event, Document before, ProjectionContext context) {
        String type = event.type();
        if (before == null) {
            // Read the payload first, so that an unreadable one is reported as such.
            reader.payload(event, payloadType(type));
            throw new UnprojectableEventException(type + " " + event.eventId() + " for unknown pledge "
                    + event.aggregateId() + ": no PledgeMade was projected for it");
        }
        Document after = new Document(before);
        List<String> scopes = CounterKey.scopesOf(before.getString("campaignId"));
        boolean closed = CLOSED.contains(before.getString("status"));
        LocalDate recordedOn = Values.dateOf(event.occurredAt(), context.zone());
        if (type.equals(PledgeSentBack.class.getSimpleName())) {
            requireSamePledge(event, reader.payload(event, PledgeSentBack.class).pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "SENT_BACK").append("sentBack", true);
            Values.countInPeriods(context, scopes, recordedOn, SENT_BACK, slices(before));
        } else if (type.equals(PledgeRevised.class.getSimpleName())) {
            PledgeRevised revised = reader.payload(event, PledgeRevised.class);
            requireSamePledge(event, revised.pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "REVISED");
            if (revised.kind() != null) {
                after.append("kind", revised.kind().name());
            }
            if (revised.focus() != null) {
                after.append("focus", revised.focus().name());
            }
        } else if (type.equals(PledgeApproved.class.getSimpleName())) {
            PledgeApproved approved = reader.payload(event, PledgeApproved.class);
            requireSamePledge(event, approved.pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "APPROVED").append("approved", true);
            Values.countInPeriods(context, scopes, orElse(approved.approvedOn(), recordedOn), APPROVED, slices(before));
        } else if (type.equals(PledgePublished.class.getSimpleName())) {
            PledgePublished published = reader.payload(event, PledgePublished.class);
            requireSamePledge(event, published.pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "PUBLISHED").append("published", true);
            Values.countInPeriods(context, scopes, orElse(published.publishedOn(), recordedOn), PUBLISHED,
                    slices(before));
        } else if (type.equals(PledgeProgressReported.class.getSimpleName())) {
            PledgeProgressReported progress = reader.payload(event, PledgeProgressReported.class);
            requireSamePledge(event, progress.pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("progressReported", true);
            Values.countInPeriods(context, scopes, orElse(progress.reportedOn(), recordedOn), PROGRESS_REPORTS,
                    slices(before));
        } else if (type.equals(PledgeFulfilled.class.getSimpleName())) {
            PledgeFulfilled fulfilled = reader.payload(event, PledgeFulfilled.class);
            requireSamePledge(event, fulfilled.pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "FULFILLED");
            Values.countInPeriods(context, scopes, orElse(fulfilled.fulfilledOn(), recordedOn), FULFILLED,
                    slices(before));
        } else if (type.equals(PledgeLapsed.class.getSimpleName())) {
            PledgeLapsed lapsed = reader.payload(event, PledgeLapsed.class);
            requireSamePledge(event, lapsed.pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "LAPSED");
            Values.countInPeriods(context, scopes, orElse(lapsed.deadline(), recordedOn), LAPSED, slices(before));
        } else if (type.equals(PledgeWithdrawn.class.getSimpleName())) {
            requireSamePledge(event, reader.payload(event, PledgeWithdrawn.class).pledgeId());
            if (closed) {
                return ignoredOnClosed(event, before);
            }
            after.append("status", "WITHDRAWN");
            Values.countInPeriods(context, scopes, recordedOn, WITHDRAWN, slices(before));
        }
        return after;
    }

    private static Document ignoredOnClosed(EventEnvelope event, Document fact) {
        log.info("Pledge {} is already {}; {} {} changes no figure", fact.getString("pledgeId"),
                fact.getString("status"), event.type(), event.eventId());
        return null;
    }

    private static Class<?> payloadType(String type) {
        return switch (type) {
            case "PledgeSentBack" -> PledgeSentBack.class;
            case "PledgeRevised" -> PledgeRevised.class;
            case "PledgeApproved" -> PledgeApproved.class;
            case "PledgePublished" -> PledgePublished.class;
            case "PledgeProgressReported" -> PledgeProgressReported.class;
            case "PledgeFulfilled" -> PledgeFulfilled.class;
            case "PledgeLapsed" -> PledgeLapsed.class;
            default -> PledgeWithdrawn.class;
        };
    }

    /** What a pledge adds to each of its counters: it depends only on its status and flags (shared per state). */
    private FieldAmounts amountsOf(Document fact) {
        String status = fact.getString("status");
        int flags = 0;
        for (int i = 0; i < FLAGS.size(); i++) {
            flags |= Values.flag(fact, FLAGS.get(i)) ? 1 << i : 0;
        }
        AtomicReferenceArray<FieldAmounts> ofStatus = amounts.computeIfAbsent(String.valueOf(status),
                s -> new AtomicReferenceArray<>(1 << FLAGS.size()));
        FieldAmounts shared = ofStatus.get(flags);
        if (shared == null) {
            shared = new FieldAmounts(12);
            shared.add(MADE, 1);
            for (int i = 0; i < FLAGS.size(); i++) {
                if ((flags & 1 << i) != 0) {
                    shared.add(FLAGS.get(i), 1);
                }
            }
            shared.add(switch (String.valueOf(status)) {
                case "FULFILLED" -> FULFILLED;
                case "LAPSED" -> LAPSED;
                case "WITHDRAWN" -> WITHDRAWN;
                default -> OPEN;
            }, 1);
            shared.add((STATUS_PREFIX + status).intern(), 1);
            ofStatus.compareAndSet(flags, null, shared.share());
            shared = ofStatus.get(flags);
        }
        return shared;
    }

    /** The slices of the time series a pledge counts in: its township and its sector. */
    static Map<String, String> slices(Document fact) {
        return Map.of(TOWNSHIP, orUnknown(fact.getString("townshipId")), SECTOR, orUnknown(fact.getString("sector")));
    }

    /** Every statistic a pledge counts in. */
    private List<CounterKey> keysOf(Document fact) {
        List<String> parts = new ArrayList<>(DIMENSIONS.size());
        DIMENSIONS.forEach(dimension -> parts.add(fact.getString(dimension)));
        return groups.of(parts, () -> newKeysOf(fact));
    }

    /** Whether two states of a pledge count in the same statistics (most events change only a status or a flag). */
    private static boolean sameDimensions(Document before, Document after) {
        for (String dimension : DIMENSIONS) {
            if (!Objects.equals(before.get(dimension), after.get(dimension))) {
                return false;
            }
        }
        return true;
    }

    private static List<CounterKey> newKeysOf(Document fact) {
        List<CounterKey> keys = new ArrayList<>();
        String campaignId = fact.getString("campaignId");
        for (String scope : CounterKey.scopesOf(campaignId)) {
            keys.add(new CounterKey(scope, CounterKey.TOTAL, CounterKey.ALL));
            keys.add(new CounterKey(scope, SECTOR, fact.getString("sector")));
            keys.add(new CounterKey(scope, TOWNSHIP, fact.getString("townshipId")));
            keys.add(new CounterKey(scope, KIND, fact.getString("kind")));
            keys.add(new CounterKey(scope, FOCUS, fact.getString("focus")));
            keys.add(new CounterKey(scope, PLEDGER_TYPE, fact.getString("pledgerType")));
            if (PledgerType.MEMBER.name().equals(fact.getString("pledgerType"))) {
                keys.add(new CounterKey(scope, MEMBER_CATEGORY, fact.getString("memberCategory")));
            }
            keys.add(new CounterKey(scope, CounterFamily.ORGANISATION_DIMENSION, fact.getString("organisationId")));
            if (CounterKey.ALL.equals(scope) && campaignId != null) {
                keys.add(new CounterKey(scope, CAMPAIGN, campaignId));
            }
        }
        return keys;
    }

    private static void requireSamePledge(EventEnvelope event, String pledgeId) {
        if (!event.aggregateId().equals(pledgeId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names pledge " + pledgeId
                    + " but belongs to aggregate " + event.aggregateId());
        }
    }

    private static LocalDate orElse(LocalDate date, LocalDate fallback) {
        return date != null ? date : fallback;
    }

    private static String orUnknown(String value) {
        return value == null ? CounterKey.UNKNOWN : value;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
