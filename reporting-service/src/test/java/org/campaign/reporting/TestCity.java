package org.campaign.reporting;

import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.evaluation.ReviewRecorded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.campaign.reporting.TestEvents.*;

/**
 * A small generated city whose true figures are known (they are spelled out in the tests that use it):
 * <pre>
 * D  district committee (GOVERNMENT_ORGAN)
 * ├── E  east township (RURAL_VILLAGE)        members: m1, m2 (E1, FARMER), m3 (E2, FARMER)
 * │   ├── E1 willow village
 * │   └── E2 river village
 * └── W  west street (URBAN_COMMUNITY)
 *     └── W1 garden community                 members: m4 (COMMUNITY_RESIDENT), m5 (RETIRED), m6 (left)
 * </pre>
 * Six pledges of one campaign, defined first: p1 (m1) fulfilled after approval, publication and progress; p2 (m1)
 * withdrawn; p3 (m3) sent back, revised to a work pledge on the central work, approved, lapsed; p4 (E1) published;
 * p5 (W1) approved and fulfilled on 1 November 2011; p6 (m4) just made. Three reviews, two mass evaluations, three
 * assessments and one lagging unit on the ledger.
 */
public final class TestCity {

    public final String campaign = uniqueId("city");
    private final String prefix = uniqueId("c");
    public final String d = prefix + "-D";
    public final String e = prefix + "-E";
    public final String w = prefix + "-W";
    public final String e1 = prefix + "-E1";
    public final String e2 = prefix + "-E2";
    public final String w1 = prefix + "-W1";
    public final String p3 = prefix + "-p3";
    public final String p5 = prefix + "-p5";
    public final Instant p5FulfilledAt = Instant.parse("2011-11-01T02:00:00Z");

    public final List<EventEnvelope> pledgeTopic = new ArrayList<>();
    public final List<EventEnvelope> evaluationTopic = new ArrayList<>();

    public TestCity() {
        pledgeTopic.add(campaignDefined(campaign));
        pledgeTopic.add(organisationRegistered(d, "区委", Sector.GOVERNMENT_ORGAN, null, d, List.of(d)));
        pledgeTopic.add(organisationRegistered(e, "东镇党委", Sector.RURAL_VILLAGE, d, e, List.of(d, e)));
        pledgeTopic.add(organisationRegistered(w, "西街道党工委", Sector.URBAN_COMMUNITY, d, w, List.of(d, w)));
        pledgeTopic.add(organisationRegistered(e1, "柳树村党支部", Sector.RURAL_VILLAGE, e, e, List.of(d, e, e1)));
        pledgeTopic.add(organisationRegistered(e2, "河湾村党支部", Sector.RURAL_VILLAGE, e, e, List.of(d, e, e2)));
        pledgeTopic.add(organisationRegistered(w1, "花园社区党支部", Sector.URBAN_COMMUNITY, w, w, List.of(d, w, w1)));
        String m1 = prefix + "-m1";
        String m3 = prefix + "-m3";
        String m4 = prefix + "-m4";
        String m6 = prefix + "-m6";
        pledgeTopic.add(memberEnrolled(m1, e1, MemberCategory.FARMER));
        pledgeTopic.add(memberEnrolled(prefix + "-m2", e1, MemberCategory.FARMER));
        pledgeTopic.add(memberEnrolled(m3, e2, MemberCategory.FARMER));
        pledgeTopic.add(memberEnrolled(m4, w1, MemberCategory.COMMUNITY_RESIDENT));
        pledgeTopic.add(memberEnrolled(prefix + "-m5", w1, MemberCategory.RETIRED));
        pledgeTopic.add(memberEnrolled(m6, w1, MemberCategory.RETIRED));
        pledgeTopic.add(memberLeft(m6, 2, w1));

        String p1 = prefix + "-p1";
        String p2 = prefix + "-p2";
        String p4 = prefix + "-p4";
        String p6 = prefix + "-p6";
        Pledger byM1 = new Pledger(PledgerType.MEMBER, m1, MemberCategory.FARMER, e1, Sector.RURAL_VILLAGE, e);
        pledgeTopic.add(pledgeMade(campaign, p1, byM1, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES, DEFAULT_TIME));
        pledgeTopic.add(pledgeApproved(p1, 1));
        pledgeTopic.add(pledgePublished(p1, 2));
        pledgeTopic.add(progressReported(p1, 3));
        pledgeTopic.add(pledgeFulfilled(p1, 4));
        pledgeTopic.add(pledgeMade(campaign, p2, byM1, PledgeKind.PRACTICAL_DEED, PledgeFocus.OWN_SITUATION, DEFAULT_TIME));
        pledgeTopic.add(pledgeWithdrawn(p2, 1));
        Pledger byM3 = new Pledger(PledgerType.MEMBER, m3, MemberCategory.FARMER, e2, Sector.RURAL_VILLAGE, e);
        pledgeTopic.add(pledgeMade(campaign, p3, byM3, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES, DEFAULT_TIME));
        pledgeTopic.add(pledgeSentBack(p3, 1));
        pledgeTopic.add(pledgeRevised(p3, 2, PledgeKind.WORK, PledgeFocus.CENTRAL_WORK));
        pledgeTopic.add(pledgeApproved(p3, 3));
        pledgeTopic.add(pledgeLapsed(p3, 4));
        Pledger byE1 = new Pledger(PledgerType.ORGANISATION, e1, null, e1, Sector.RURAL_VILLAGE, e);
        pledgeTopic.add(pledgeMade(campaign, p4, byE1, PledgeKind.WORK, PledgeFocus.CENTRAL_WORK, DEFAULT_TIME));
        pledgeTopic.add(pledgeApproved(p4, 1));
        pledgeTopic.add(pledgePublished(p4, 2));
        Pledger byW1 = new Pledger(PledgerType.ORGANISATION, w1, null, w1, Sector.URBAN_COMMUNITY, w);
        pledgeTopic.add(pledgeMade(campaign, p5, byW1, PledgeKind.WORK, PledgeFocus.CENTRAL_WORK, DEFAULT_TIME));
        pledgeTopic.add(pledgeApproved(p5, 1));
        pledgeTopic.add(at(pledgeFulfilled(p5, 2, LocalDate.of(2011, 11, 1)), p5FulfilledAt));
        Pledger byM4 = new Pledger(PledgerType.MEMBER, m4, MemberCategory.COMMUNITY_RESIDENT, w1, Sector.URBAN_COMMUNITY, w);
        pledgeTopic.add(pledgeMade(campaign, p6, byM4, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES, DEFAULT_TIME));

        String r1 = prefix + "-r1";
        String r2 = prefix + "-r2";
        evaluationTopic.add(review(r1, "2011-H1", e1, Rating.GOOD, "Publish progress monthly", LocalDate.of(2011, 7, 31)));
        evaluationTopic.add(evaluationEvent("RectificationCommitted", "Review", r1, 1,
                Map.of("reviewId", r1, "statement", "We will", "committedOn", "2011-07-01")));
        evaluationTopic.add(evaluationEvent("RectificationCompleted", "Review", r1, 2,
                Map.of("reviewId", r1, "report", "Done", "completedOn", "2011-07-20")));
        evaluationTopic.add(evaluationEvent("RectificationAccepted", "Review", r1, 3,
                Map.of("reviewId", r1, "comment", "Good", "acceptedOn", "2011-07-25")));
        evaluationTopic.add(review(r2, "2011-H1", w1, Rating.POOR, "Hold the members' meeting", LocalDate.of(2011, 8, 15)));
        evaluationTopic.add(review(prefix + "-r3", "2011-H2", e2, Rating.EXCELLENT, null, null));

        evaluationTopic.addAll(massEvaluation(prefix + "-ev1", e1, e, 40, 8, 2));
        evaluationTopic.addAll(massEvaluation(prefix + "-ev2", w1, w, 10, 5, 5));

        evaluationTopic.add(scored(prefix + "-a1", e1, e, "92.5", "ADVANCED"));
        evaluationTopic.add(scored(prefix + "-a2", w1, w, "55.0", "LAGGING"));
        evaluationTopic.add(scored(prefix + "-a3", e2, e, "75.0", "MIDDLE"));
        String ledger = campaign + ":2011:" + w1;
        evaluationTopic.add(evaluationEvent("LaggingUnitListed", "LaggingUnit", ledger, 0, fields(
                "ledgerId", ledger, "assessmentId", prefix + "-a2", "campaignId", campaign, "year", 2011,
                "organisationId", w1, "townshipId", w, "total", 55.0)));
        evaluationTopic.add(evaluationEvent("RectificationLeaderAssigned", "LaggingUnit", ledger, 1, fields(
                "ledgerId", ledger, "leaderId", "leader-7", "assignedOn", "2012-01-10")));
        evaluationTopic.add(evaluationEvent("RectificationMeasuresRecorded", "LaggingUnit", ledger, 2, fields(
                "ledgerId", ledger, "measures", List.of("Re-elect the branch committee", "Weekly study"),
                "dueOn", "2012-03-31")));
        evaluationTopic.add(evaluationEvent("RectificationProgressReported", "LaggingUnit", ledger, 3, fields(
                "ledgerId", ledger, "progress", "Committee re-elected", "reportedOn", "2012-02-01")));
        evaluationTopic.add(evaluationEvent("LaggingUnitCheckFailed", "LaggingUnit", ledger, 4, fields(
                "ledgerId", ledger, "findings", "Study not yet regular", "checkedOn", "2012-04-02")));
    }

    private EventEnvelope review(String id, String round, String organisation, Rating rating, String rectification,
                                 LocalDate deadline) {
        return envelope("evaluation-service", "Review", id, 0, new ReviewRecorded(id, campaign, round,
                SubjectType.ORGANISATION, organisation, organisation, "leader-1", rating, "Clear pledges",
                "Slow reports", rectification, deadline));
    }

    private List<EventEnvelope> massEvaluation(String id, String organisation, String township, int satisfied,
                                               int basically, int dissatisfied) {
        int total = satisfied + basically + dissatisfied;
        return List.of(
                evaluationEvent("MassEvaluationOpened", "MassEvaluation", id, 0, fields("evaluationId", id,
                        "campaignId", campaign, "year", 2011, "round", "2011", "subjectType", "ORGANISATION",
                        "subjectId", organisation, "organisationId", organisation, "townshipId", township,
                        "methods", List.of("BALLOT_BOX", "EVALUATION_MEETING"), "openedOn", "2011-11-01")),
                evaluationEvent("BallotCast", "MassEvaluation", id, 1, fields("evaluationId", id,
                        "method", "BALLOT_BOX", "answer", "SATISFIED")),
                evaluationEvent("TallyEntered", "MassEvaluation", id, 2, fields("evaluationId", id,
                        "method", "EVALUATION_MEETING", "satisfied", satisfied - 1, "basicallySatisfied", basically,
                        "dissatisfied", dissatisfied)),
                evaluationEvent("MassEvaluationClosed", "MassEvaluation", id, 3, fields("evaluationId", id,
                        "campaignId", campaign, "year", 2011, "subjectType", "ORGANISATION", "subjectId", organisation,
                        "organisationId", organisation, "townshipId", township, "satisfied", satisfied,
                        "basicallySatisfied", basically, "dissatisfied", dissatisfied, "total", total,
                        "satisfactionRate", 0, "closedOn", "2011-11-20")));
    }

    private EventEnvelope scored(String id, String organisation, String township, String total, String grade) {
        return evaluationEvent("EvaluationScored", "Assessment", id, 0, fields("assessmentId", id, "campaignId", campaign,
                "year", 2011, "subjectType", "ORGANISATION", "subjectId", organisation, "organisationId", organisation,
                "townshipId", township, "scores", Map.of("postCompetence", 80), "publicSatisfactionSource", "ENTERED",
                "total", new java.math.BigDecimal(total), "grade", grade));
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
