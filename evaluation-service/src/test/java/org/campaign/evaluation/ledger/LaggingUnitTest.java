package org.campaign.evaluation.ledger;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.campaign.contracts.evaluation.LaggingUnitCheckFailed;
import org.campaign.contracts.evaluation.LaggingUnitCleared;
import org.campaign.contracts.evaluation.LaggingUnitListed;
import org.campaign.contracts.evaluation.RectificationLeaderAssigned;
import org.campaign.contracts.evaluation.RectificationMeasuresRecorded;
import org.campaign.contracts.evaluation.RectificationProgressReported;
import org.campaign.evaluation.ledger.LedgerCommands.AssignRectificationLeader;
import org.campaign.evaluation.ledger.LedgerCommands.RecordFinalCheck;
import org.campaign.evaluation.ledger.LedgerCommands.RecordRectificationMeasures;
import org.campaign.evaluation.ledger.LedgerCommands.ReportRectificationProgress;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every step of a lagging unit's rectification, and every refusal, on the aggregate alone. */
class LaggingUnitTest {

    static final String ID = "cxzy-2011:2011:v1";
    static final LaggingUnitListed LISTED = new LaggingUnitListed(ID, "cxzy-2011:2011:ORGANISATION:v1", "cxzy-2011",
            2011, "v1", "east", new BigDecimal("55.0"));
    static final RectificationLeaderAssigned LEADER = new RectificationLeaderAssigned(ID, "leader-wang",
            LocalDate.of(2012, 1, 5));
    static final RectificationMeasuresRecorded MEASURES = new RectificationMeasuresRecorded(ID,
            List.of("调整村党支部班子", "建立党员联系户制度"), LocalDate.of(2012, 6, 30));
    static final RectificationProgressReported PROGRESS = new RectificationProgressReported(ID, "班子已调整",
            LocalDate.of(2012, 3, 1));
    static final LaggingUnitCheckFailed FAILED = new LaggingUnitCheckFailed(ID, "制度未落实",
            LocalDate.of(2012, 4, 1));

    FixtureConfiguration<LaggingUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LaggingUnit.class);
    }

    @Test
    void aLeaderIsMadeResponsibleMeasuresRecordedProgressReportedAndTheUnitCleared() {
        fixture.given(LISTED).when(new AssignRectificationLeader(ID, "leader-wang", LocalDate.of(2012, 1, 5)))
                .expectEvents(LEADER);
        fixture.given(LISTED, LEADER)
                .when(new RecordRectificationMeasures(ID, List.of("调整村党支部班子", "建立党员联系户制度"),
                        LocalDate.of(2012, 6, 30)))
                .expectEvents(MEASURES);
        fixture.given(LISTED, LEADER, MEASURES)
                .when(new ReportRectificationProgress(ID, "班子已调整", LocalDate.of(2012, 3, 1)))
                .expectEvents(PROGRESS);
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS)
                .when(new RecordFinalCheck(ID, true, "整顿达标", LocalDate.of(2012, 6, 30)))
                .expectEvents(new LaggingUnitCleared(ID, "整顿达标", LocalDate.of(2012, 6, 30)));
    }

    @Test
    void aFailedCheckKeepsTheUnitListedUntilFurtherProgressIsChecked() {
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS)
                .when(new RecordFinalCheck(ID, false, "制度未落实", LocalDate.of(2012, 4, 1)))
                .expectEvents(FAILED);
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS, FAILED)
                .when(new RecordFinalCheck(ID, true, "ok", LocalDate.of(2012, 4, 2)))
                .expectNoEvents()
                .expectExceptionMessage("No rectification progress of cxzy-2011:2011:v1 was reported since it was "
                        + "listed or last checked, so there is nothing to check");
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS, FAILED)
                .when(new RecordRectificationMeasures(ID, List.of("每月一次党员大会"), LocalDate.of(2012, 9, 30)))
                .expectEvents(new RectificationMeasuresRecorded(ID, List.of("每月一次党员大会"),
                        LocalDate.of(2012, 9, 30)));
    }

    @Test
    void theResponsibleLeaderCanBeReplacedButNotByTheSameLeader() {
        fixture.given(LISTED, LEADER, MEASURES)
                .when(new AssignRectificationLeader(ID, "leader-li", LocalDate.of(2012, 2, 1)))
                .expectEvents(new RectificationLeaderAssigned(ID, "leader-li", LocalDate.of(2012, 2, 1)));
        fixture.given(LISTED, LEADER)
                .when(new AssignRectificationLeader(ID, "leader-wang", LocalDate.of(2012, 2, 1)))
                .expectNoEvents()
                .expectExceptionMessage("leader-wang is already responsible for rectifying cxzy-2011:2011:v1");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        fixture.given(LISTED)
                .when(new RecordRectificationMeasures(ID, List.of("m"), LocalDate.of(2012, 6, 30)))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Lagging unit cxzy-2011:2011:v1 is listed without a responsible leader, so "
                        + "you cannot record rectification measures");
        fixture.given(LISTED, LEADER).when(new ReportRectificationProgress(ID, "p", LocalDate.of(2012, 3, 1)))
                .expectNoEvents()
                .expectExceptionMessage("Lagging unit cxzy-2011:2011:v1 is awaiting its rectification measures, so "
                        + "you cannot report rectification progress");
        fixture.given(LISTED, LEADER).when(new RecordFinalCheck(ID, true, "f", LocalDate.of(2012, 3, 1)))
                .expectNoEvents().expectException(CommandRefused.class);
        fixture.given(LISTED, LEADER, MEASURES).when(new RecordFinalCheck(ID, true, "f", LocalDate.of(2012, 3, 1)))
                .expectNoEvents().expectException(CommandRefused.class);
    }

    @Test
    void aClearedUnitAcceptsNothingMore() {
        LaggingUnitCleared cleared = new LaggingUnitCleared(ID, "整顿达标", LocalDate.of(2012, 6, 30));
        String refusal = "Lagging unit cxzy-2011:2011:v1 is already cleared, so you cannot ";
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS, cleared)
                .when(new AssignRectificationLeader(ID, "leader-li", LocalDate.of(2012, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "assign a responsible leader");
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS, cleared)
                .when(new RecordRectificationMeasures(ID, List.of("m"), LocalDate.of(2012, 9, 30)))
                .expectNoEvents().expectExceptionMessage(refusal + "record rectification measures");
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS, cleared)
                .when(new ReportRectificationProgress(ID, "p", LocalDate.of(2012, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "report rectification progress");
        fixture.given(LISTED, LEADER, MEASURES, PROGRESS, cleared)
                .when(new RecordFinalCheck(ID, true, "f", LocalDate.of(2012, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "check it");
    }
}
