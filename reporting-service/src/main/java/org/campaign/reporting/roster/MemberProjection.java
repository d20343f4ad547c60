package org.campaign.reporting.roster;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.MemberLeft;
import org.campaign.contracts.roster.MemberTransferred;
import org.campaign.reporting.projection.Contribution;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EnvelopeReader;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.campaign.reporting.projection.Values;
import org.springframework.stereotype.Component;

import java.util.Set;

import static org.campaign.reporting.roster.RosterStatistics.MEMBERS;
import static org.campaign.reporting.roster.RosterStatistics.MEMBERS_PREFIX;

/**
 * Members on the roster now, in the district, per category and per organisation (and, per organisation, per
 * category): the denominators of the pledge coverage. A transfer moves the member between organisations; a member
 * who left counts nowhere. Members are not campaign-scoped, so these counters live in the district scope only.
 */
@Component
public class MemberProjection implements EventProjection {

    private final EnvelopeReader reader;

    public MemberProjection(EnvelopeReader reader) {
        this.reader = reader;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(MemberEnrolled.class.getSimpleName(), MemberTransferred.class.getSimpleName(),
                MemberLeft.class.getSimpleName());
    }

    @Override
    public String factKind() {
        return RosterStatistics.MEMBER_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        Document before = context.fact();
        Document after;
        switch (event.type()) {
            case "MemberEnrolled" -> {
                MemberEnrolled enrolled = reader.payload(event, MemberEnrolled.class);
                requireSame(event, enrolled.memberId());
                after = new Document("memberId", enrolled.memberId())
                        .append("organisationId", enrolled.organisationId())
                        .append("category", enrolled.category() == null ? null : enrolled.category().name())
                        .append("active", true);
            }
            case "MemberTransferred" -> {
                MemberTransferred transferred = reader.payload(event, MemberTransferred.class);
                requireSame(event, transferred.memberId());
                requireKnown(event, before);
                after = new Document(before).append("organisationId", transferred.toOrganisationId());
            }
            default -> {
                MemberLeft left = reader.payload(event, MemberLeft.class);
                requireSame(event, left.memberId());
                requireKnown(event, before);
                after = new Document(before).append("active", false);
            }
        }
        Contribution.applyDifference(contribution(before), contribution(after), context);
        context.saveFact(after);
    }

    static Contribution contribution(Document fact) {
        Contribution contribution = new Contribution();
        if (fact == null || !Values.flag(fact, "active")) {
            return contribution;
        }
        String category = fact.getString("category");
        CounterKey organisation = new CounterKey(CounterKey.ALL, CounterFamily.ORGANISATION_DIMENSION,
                fact.getString("organisationId"));
        contribution.add(organisation, MEMBERS, 1)
                .add(organisation, MEMBERS_PREFIX + (category == null ? CounterKey.UNKNOWN : category), 1);
        return contribution;
    }

    private static void requireKnown(EventEnvelope event, Document fact) {
        if (fact == null) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " for unknown member "
                    + event.aggregateId() + ": no MemberEnrolled was projected for it");
        }
    }

    private static void requireSame(EventEnvelope event, String memberId) {
        if (!event.aggregateId().equals(memberId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names member "
                    + memberId + " but belongs to aggregate " + event.aggregateId());
        }
    }
}
