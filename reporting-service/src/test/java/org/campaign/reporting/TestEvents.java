package org.campaign.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.ReviewRecorded;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeFulfilled;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.pledge.Target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Event envelopes as the write services publish them. */
public final class TestEvents {

    public static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final Actor AGENCY_CLERK = new Actor("clerk-1", "agency-T01");

    private TestEvents() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An organisation's pledge, sequence 0. */
    public static EventEnvelope organisationPledge(String campaignId, String pledgeId, Sector sector, String township) {
        Pledger pledger = new Pledger(PledgerType.ORGANISATION, "org-" + pledgeId, null, "org-" + pledgeId, sector,
                township);
        return pledgeMade(campaignId, pledgeId, pledger, PledgeKind.WORK);
    }

    /** A member's practical-deed pledge, sequence 0. */
    public static EventEnvelope memberPledge(String campaignId, String pledgeId, Sector sector, String township,
                                             MemberCategory category) {
        Pledger pledger = new Pledger(PledgerType.MEMBER, "member-" + pledgeId, category, "org-" + pledgeId, sector,
                township);
        return pledgeMade(campaignId, pledgeId, pledger, PledgeKind.PRACTICAL_DEED);
    }

    private static EventEnvelope pledgeMade(String campaignId, String pledgeId, Pledger pledger, PledgeKind kind) {
        PledgeMade made = new PledgeMade(pledgeId, campaignId, pledger, kind, PledgeFocus.PUBLIC_WISHES,
                "Rebuild the village road", new Target(new BigDecimal("89.7"), "km"), LocalDate.of(2011, 12, 31),
                false);
        return envelope("pledge-service", "Pledge", pledgeId, 0, made);
    }

    public static EventEnvelope pledgeFulfilled(String pledgeId, long sequence) {
        PledgeFulfilled fulfilled = new PledgeFulfilled(pledgeId, LocalDate.of(2011, 10, 1), "Road opened");
        return envelope("pledge-service", "Pledge", pledgeId, sequence, fulfilled);
    }

    public static EventEnvelope reviewRecorded(String campaignId, String reviewId, Rating rating) {
        ReviewRecorded review = new ReviewRecorded(reviewId, campaignId, "2011-H1", SubjectType.ORGANISATION,
                "org-1", "org-1", "leader-1", rating, "Pledges published on time", "Slow progress reports", null, null);
        return envelope("evaluation-service", "Review", reviewId, 0, review);
    }

    private static EventEnvelope envelope(String source, String aggregateType, String aggregateId, long sequence,
                                          Object payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(), "1", source,
                aggregateType, aggregateId, sequence, Instant.parse("2011-06-01T08:00:00Z"), AGENCY_CLERK,
                UUID.randomUUID().toString(), JSON.valueToTree(payload));
    }

    public static String json(EventEnvelope envelope) {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
