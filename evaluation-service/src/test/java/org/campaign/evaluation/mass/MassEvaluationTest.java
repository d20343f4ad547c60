package org.campaign.evaluation.mass;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.campaign.contracts.evaluation.BallotCast;
import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.MassEvaluationClosed;
import org.campaign.contracts.evaluation.MassEvaluationOpened;
import org.campaign.contracts.evaluation.Satisfaction;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.evaluation.TallyEntered;
import org.campaign.evaluation.mass.MassEvaluationCommands.CastBallot;
import org.campaign.evaluation.mass.MassEvaluationCommands.CloseMassEvaluation;
import org.campaign.evaluation.mass.MassEvaluationCommands.EnterTally;
import org.campaign.evaluation.mass.MassEvaluationCommands.OpenMassEvaluation;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.campaign.contracts.evaluation.EvaluationMethod.EVALUATION_MEETING;
import static org.campaign.contracts.evaluation.EvaluationMethod.PHONE_CALLS;

/** Opening, ballots, tallies and closing of a mass evaluation, and every refusal, on the aggregate alone. */
class MassEvaluationTest {

    static final String ID = "e-1";
    static final LocalDate CLOSED_ON = LocalDate.of(2011, 9, 30);
    static final MassEvaluationOpened OPENED = new MassEvaluationOpened(ID, "cxzy-2011", 2011, "2011-R2",
            SubjectType.ORGANISATION, "v1", "v1", "east", List.of(EVALUATION_MEETING, PHONE_CALLS),
            LocalDate.of(2011, 9, 20));
    static final BallotCast SATISFIED_CALL = new BallotCast(ID, PHONE_CALLS, Satisfaction.SATISFIED);
    static final BallotRespondentRecorded FIRST_RESPONDENT = new BallotRespondentRecorded(ID, "13800000001",
            "路修好了");
    static final TallyEntered MEETING = new TallyEntered(ID, EVALUATION_MEETING, 40, 12, 8);

    FixtureConfiguration<MassEvaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MassEvaluation.class);
    }

    @Test
    void anEvaluationIsOpened() {
        fixture.givenNoPriorActivity()
                .when(new OpenMassEvaluation(ID, "cxzy-2011", 2011, "2011-R2", SubjectType.ORGANISATION, "v1", "v1",
                        "east", List.of(EVALUATION_MEETING, PHONE_CALLS), LocalDate.of(2011, 9, 20)))
                .expectEvents(OPENED);
    }

    @Test
    void aBallotIsPublishedWithoutItsRespondentWhoIsKeptInAnUnpublishedEvent() {
        fixture.given(OPENED)
                .when(new CastBallot(ID, "13800000001", PHONE_CALLS, Satisfaction.SATISFIED, "路修好了"))
                .expectEvents(SATISFIED_CALL, FIRST_RESPONDENT);
    }

    @Test
    void aRespondentAnswersOnlyOnce() {
        fixture.given(OPENED, SATISFIED_CALL, FIRST_RESPONDENT)
                .when(new CastBallot(ID, "13800000001", PHONE_CALLS, Satisfaction.DISSATISFIED, null))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("This respondent has already answered mass evaluation e-1");
    }

    @Test
    void aTallyIsEntered() {
        fixture.given(OPENED).when(new EnterTally(ID, EVALUATION_MEETING, 40, 12, 8)).expectEvents(MEETING);
    }

    @Test
    void answersByAMethodTheEvaluationWasNotOpenedForAreRefused() {
        String refusal = "Mass evaluation e-1 was opened for [EVALUATION_MEETING, PHONE_CALLS], not for ";
        fixture.given(OPENED).when(new EnterTally(ID, EvaluationMethod.BALLOT_BOX, 1, 0, 0))
                .expectNoEvents().expectExceptionMessage(refusal + "BALLOT_BOX");
        fixture.given(OPENED)
                .when(new CastBallot(ID, "q-7", EvaluationMethod.QUESTIONNAIRE, Satisfaction.SATISFIED, null))
                .expectNoEvents().expectExceptionMessage(refusal + "QUESTIONNAIRE");
    }

    @Test
    void closingCountsBallotsAndTalliesTogether() {
        // 41 satisfied + 12 basically satisfied of 61 answers = 86.885…% -> 86.9
        fixture.given(OPENED, SATISFIED_CALL, FIRST_RESPONDENT, MEETING)
                .when(new CloseMassEvaluation(ID, CLOSED_ON))
                .expectEvents(new MassEvaluationClosed(ID, "cxzy-2011", 2011, SubjectType.ORGANISATION, "v1", "v1",
                        "east", 41, 12, 8, 61, new BigDecimal("86.9"), CLOSED_ON));
    }

    @Test
    void anEvaluationWithoutAnswersCannotBeClosed() {
        fixture.given(OPENED).when(new CloseMassEvaluation(ID, CLOSED_ON))
                .expectNoEvents()
                .expectExceptionMessage("Mass evaluation e-1 has no answers yet, so it has no result to publish");
    }

    @Test
    void aClosedEvaluationAcceptsNothingMore() {
        MassEvaluationClosed closed = new MassEvaluationClosed(ID, "cxzy-2011", 2011, SubjectType.ORGANISATION,
                "v1", "v1", "east", 40, 12, 8, 60, new BigDecimal("86.7"), CLOSED_ON);
        String refusal = "Mass evaluation e-1 is closed, so you cannot ";
        fixture.given(OPENED, MEETING, closed)
                .when(new CastBallot(ID, "13800000002", PHONE_CALLS, Satisfaction.SATISFIED, null))
                .expectNoEvents().expectExceptionMessage(refusal + "cast a ballot");
        fixture.given(OPENED, MEETING, closed).when(new EnterTally(ID, EVALUATION_MEETING, 1, 1, 1))
                .expectNoEvents().expectExceptionMessage(refusal + "enter a tally");
        fixture.given(OPENED, MEETING, closed).when(new CloseMassEvaluation(ID, CLOSED_ON))
                .expectNoEvents().expectExceptionMessage(refusal + "close it");
    }

    @Test
    void anEvaluationIsNotClosedBeforeItWasOpened() {
        fixture.given(OPENED, MEETING).when(new CloseMassEvaluation(ID, LocalDate.of(2011, 9, 1)))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage("closedOn: 2011-09-01 is before the evaluation was opened (2011-09-20)");
    }

    @Test
    void phoneCallsAreBallotsAndMeetingsAndBallotBoxesAreTallies() {
        fixture.given(OPENED).when(new EnterTally(ID, PHONE_CALLS, 10, 0, 0))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage("method: the answers of PHONE_CALLS are recorded one by one, as ballots, so "
                        + "that nobody answers twice");
        fixture.given(OPENED).when(new CastBallot(ID, "x", EVALUATION_MEETING, Satisfaction.SATISFIED, null))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage("method: the answers of EVALUATION_MEETING are counted together and entered "
                        + "as a tally, not as ballots");
    }
}
