package org.campaign.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.campaign.CampaignDefined;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.ReviewRecorded;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeApproved;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeFulfilled;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgeLapsed;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.PledgeProgressReported;
import org.campaign.contracts.pledge.PledgePublished;
import org.campaign.contracts.pledge.PledgeRevised;
import org.campaign.contracts.pledge.PledgeSentBack;
import org.campaign.contracts.pledge.PledgeWithdrawn;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.PublicationChannel;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.pledge.Target;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.MemberLeft;
import org.campaign.contracts.roster.MemberTransferred;
import org.campaign.contracts.roster.OrganisationDeregistered;
import org.campaign.contracts.roster.OrganisationKind;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRegistered;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.projection.SourcePosition;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Event envelopes as the write services publish them. */
public final class TestEvents {

    public static final ObjectMapper JSON = EventJson.newObjectMapper();
    public static final Instant DEFAULT_TIME = Instant.parse("2011-06-01T08:00:00Z");
    private static final Actor AGENCY_CLERK = new Actor("clerk-1", "agency-T01");

    private TestEvents() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The definition of a campaign, which the reports ask for by its id. */
    public static EventEnvelope campaignDefined(String campaignId) {
        return envelope("pledge-service", "Campaign", campaignId, 0, new CampaignDefined(campaignId, "创先争优",
                LocalDate.of(2010, 6, 1), LocalDate.of(2012, 6, 30), List.of()));
    }

    /** An organisation's pledge, sequence 0. */
    public static EventEnvelope organisationPledge(String campaignId, String pledgeId, Sector sector, String township) {
        Pledger pledger = new Pledger(PledgerType.ORGANISATION, "org-" + pledgeId, null, "org-" + pledgeId, sector,
                township);
        return pledgeMade(campaignId, pledgeId, pledger, PledgeKind.WORK, PledgeFocus.PUBLIC_WISHES, DEFAULT_TIME);
    }

    /** A member's practical-deed pledge, sequence 0. */
    public static EventEnvelope memberPledge(String campaignId, String pledgeId, Sector sector, String township,
                                             MemberCategory category) {
        Pledger pledger = new Pledger(PledgerType.MEMBER, "member-" + pledgeId, category, "org-" + pledgeId, sector,
                township);
        return pledgeMade(campaignId, pledgeId, pledger, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES, DEFAULT_TIME);
    }

    public static EventEnvelope pledgeMade(String campaignId, String pledgeId, Pledger pledger, PledgeKind kind,
                                           PledgeFocus focus, Instant at) {
        PledgeMade made = new PledgeMade(pledgeId, campaignId, pledger, kind, focus,
                "Rebuild the village road", new Target(new BigDecimal("89.7"), "km"), LocalDate.of(2011, 12, 31),
                false);
        return envelope("pledge-service", "Pledge", pledgeId, 0, made, at);
    }

    public static EventEnvelope pledgeSentBack(String pledgeId, long sequence) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence,
                new PledgeSentBack(pledgeId, List.of("target not specific enough")));
    }

    public static EventEnvelope pledgeRevised(String pledgeId, long sequence, PledgeKind kind, PledgeFocus focus) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence, new PledgeRevised(pledgeId, kind, focus,
                "Rebuild 3 km of village road", new Target(new BigDecimal("3"), "km"), LocalDate.of(2011, 12, 31)));
    }

    public static EventEnvelope pledgeApproved(String pledgeId, long sequence) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence,
                new PledgeApproved(pledgeId, LocalDate.of(2011, 7, 5)));
    }

    public static EventEnvelope pledgePublished(String pledgeId, long sequence) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence,
                new PledgePublished(pledgeId, PublicationChannel.NOTICE_BOARD, LocalDate.of(2011, 7, 6)));
    }

    public static EventEnvelope progressReported(String pledgeId, long sequence) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence, new PledgeProgressReported(pledgeId,
                new BigDecimal("1.5"), "half done", LocalDate.of(2011, 9, 1)));
    }

    public static EventEnvelope pledgeFulfilled(String pledgeId, long sequence) {
        return pledgeFulfilled(pledgeId, sequence, LocalDate.of(2011, 10, 1));
    }

    public static EventEnvelope pledgeFulfilled(String pledgeId, long sequence, LocalDate on) {
        PledgeFulfilled fulfilled = new PledgeFulfilled(pledgeId, on, "Road opened");
        return envelope("pledge-service", "Pledge", pledgeId, sequence, fulfilled);
    }

    public static EventEnvelope pledgeLapsed(String pledgeId, long sequence) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence,
                new PledgeLapsed(pledgeId, LocalDate.of(2011, 12, 31)));
    }

    public static EventEnvelope pledgeWithdrawn(String pledgeId, long sequence) {
        return envelope("pledge-service", "Pledge", pledgeId, sequence, new PledgeWithdrawn(pledgeId, "merged"));
    }

    public static EventEnvelope reviewRecorded(String campaignId, String reviewId, Rating rating) {
        ReviewRecorded review = new ReviewRecorded(reviewId, campaignId, "2011-H1", SubjectType.ORGANISATION,
                "org-1", "org-1", "leader-1", rating, "Pledges published on time", "Slow progress reports", null, null);
        return envelope("evaluation-service", "Review", reviewId, 0, review);
    }

    public static EventEnvelope organisationRegistered(String id, String name, Sector sector, String parentId,
                                                       String townshipId, List<String> path) {
        return envelope("pledge-service", "Organisation", id, 0, new OrganisationRegistered(id, name,
                parentId == null ? OrganisationKind.PARTY_COMMITTEE : OrganisationKind.BRANCH, sector, parentId,
                townshipId, townshipId, path));
    }

    public static EventEnvelope organisationMoved(String id, long sequence, String parentId, String townshipId,
                                                  List<String> path) {
        return envelope("pledge-service", "Organisation", id, sequence,
                new OrganisationMoved(id, parentId, townshipId, townshipId, path));
    }

    public static EventEnvelope organisationDeregistered(String id, long sequence) {
        return envelope("pledge-service", "Organisation", id, sequence, new OrganisationDeregistered(id, "merged"));
    }

    public static EventEnvelope memberEnrolled(String memberId, String organisationId, MemberCategory category) {
        return envelope("pledge-service", "Member", memberId, 0, new MemberEnrolled(memberId, organisationId, category));
    }

    public static EventEnvelope memberTransferred(String memberId, long sequence, String from, String to) {
        return envelope("pledge-service", "Member", memberId, sequence, new MemberTransferred(memberId, from, to));
    }

    public static EventEnvelope memberLeft(String memberId, long sequence, String organisationId) {
        return envelope("pledge-service", "Member", memberId, sequence, new MemberLeft(memberId, organisationId, "moved away"));
    }

    /** An evaluation-service event built from its JSON fields, as a consumer without its classes sees it. */
    public static EventEnvelope evaluationEvent(String type, String aggregateType, String aggregateId, long sequence,
                                                Map<String, ?> fields) {
        ObjectNode payload = JSON.valueToTree(fields);
        return new EventEnvelope(UUID.randomUUID().toString(), type, "1", "evaluation-service", aggregateType,
                aggregateId, sequence, DEFAULT_TIME, new Actor("inspector-1", "district"), UUID.randomUUID().toString(),
                payload);
    }

    public static EventEnvelope envelope(String source, String aggregateType, String aggregateId, long sequence,
                                         Object payload) {
        return envelope(source, aggregateType, aggregateId, sequence, payload, DEFAULT_TIME);
    }

    public static EventEnvelope envelope(String source, String aggregateType, String aggregateId, long sequence,
                                         Object payload, Instant at) {
        return new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(), "1", source,
                aggregateType, aggregateId, sequence, at, AGENCY_CLERK, UUID.randomUUID().toString(),
                JSON.valueToTree(payload));
    }

    /** The same event stamped at another time. */
    public static EventEnvelope at(EventEnvelope event, Instant occurredAt) {
        return new EventEnvelope(event.eventId(), event.type(), event.revision(), event.source(), event.aggregateType(),
                event.aggregateId(), event.sequence(), occurredAt, event.actor(), event.correlationId(), event.payload());
    }

    public static String json(EventEnvelope envelope) {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The envelope as a record read at {@code position} (its value in UTF-8, with no Kafka record behind it). */
    public static BatchProjector.Input input(SourcePosition position, EventEnvelope envelope) {
        return new BatchProjector.Input(position, json(envelope).getBytes(StandardCharsets.UTF_8), null);
    }
}
