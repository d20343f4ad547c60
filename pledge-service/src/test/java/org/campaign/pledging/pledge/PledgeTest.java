package org.campaign.pledging.pledge;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
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
import org.campaign.pledging.pledge.PledgeCommands.ApprovePledge;
import org.campaign.pledging.pledge.PledgeCommands.FulfilPledge;
import org.campaign.pledging.pledge.PledgeCommands.LapsePledge;
import org.campaign.pledging.pledge.PledgeCommands.MakePledge;
import org.campaign.pledging.pledge.PledgeCommands.PublishPledge;
import org.campaign.pledging.pledge.PledgeCommands.ReportProgress;
import org.campaign.pledging.pledge.PledgeCommands.RevisePledge;
import org.campaign.pledging.pledge.PledgeCommands.SendBackPledge;
import org.campaign.pledging.pledge.PledgeCommands.WithdrawPledge;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every transition of a pledge's lifecycle, and every refusal, on the aggregate alone. */
class PledgeTest {

    static final String ID = "p-1";
    static final Pledger BRANCH = new Pledger(PledgerType.ORGANISATION, "org-1", null, "org-1",
            Sector.RURAL_VILLAGE, "township-1");
    static final Target ROAD = new Target(new BigDecimal("2"), "km");
    static final LocalDate DEADLINE = LocalDate.of(2011, 12, 31);
    static final PledgeMade MADE = new PledgeMade(ID, "cxzy-2011", BRANCH, PledgeKind.PRACTICAL_DEED,
            PledgeFocus.PUBLIC_WISHES, "Repair the village road", ROAD, DEADLINE, false);
    static final PledgeSentBack SENT_BACK = new PledgeSentBack(ID, List.of("Target not measurable"));
    static final PledgeRevised REVISED = new PledgeRevised(ID, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES,
            "Repair 2 km of village road", ROAD, DEADLINE);
    static final PledgeApproved APPROVED = new PledgeApproved(ID, LocalDate.of(2011, 7, 1));
    static final PledgePublished PUBLISHED = new PledgePublished(ID, PublicationChannel.NOTICE_BOARD,
            LocalDate.of(2011, 7, 2));
    static final PledgeFulfilled FULFILLED = new PledgeFulfilled(ID, LocalDate.of(2011, 11, 2), "Road opened");
    static final PledgeWithdrawn WITHDRAWN = new PledgeWithdrawn(ID, "Merged into the township's pledge");

    FixtureConfiguration<Pledge> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pledge.class);
    }

    @Test
    void aPledgeIsMade() {
        fixture.givenNoPriorActivity()
                .when(new MakePledge(ID, "cxzy-2011", BRANCH, PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES,
                        "Repair the village road", ROAD, DEADLINE, false))
                .expectEvents(MADE);
    }

    @Test
    void theSuperiorSendsItBackAndThePledgerRevisesIt() {
        fixture.given(MADE).when(new SendBackPledge(ID, List.of("Target not measurable"), null))
                .expectEvents(SENT_BACK);
        fixture.given(MADE, SENT_BACK).when(new RevisePledge(ID, PledgeKind.PRACTICAL_DEED,
                        PledgeFocus.PUBLIC_WISHES, "Repair 2 km of village road", ROAD, DEADLINE, null))
                .expectEvents(REVISED);
        fixture.given(MADE, SENT_BACK, REVISED).when(new ApprovePledge(ID, LocalDate.of(2011, 7, 1), null))
                .expectEvents(APPROVED);
    }

    @Test
    void anApprovedPledgeIsPublishedProgressedAndFulfilled() {
        fixture.given(MADE, APPROVED)
                .when(new PublishPledge(ID, PublicationChannel.NOTICE_BOARD, LocalDate.of(2011, 7, 2), null))
                .expectEvents(PUBLISHED);
        fixture.given(MADE, APPROVED, PUBLISHED)
                .when(new ReportProgress(ID, new BigDecimal("1.2"), "half done", LocalDate.of(2011, 9, 1), null))
                .expectEvents(new PledgeProgressReported(ID, new BigDecimal("1.2"), "half done",
                        LocalDate.of(2011, 9, 1)));
        fixture.given(MADE, APPROVED, PUBLISHED)
                .when(new FulfilPledge(ID, LocalDate.of(2011, 11, 2), "Road opened", null))
                .expectEvents(FULFILLED);
    }

    @Test
    void anOpenPledgeCanBeWithdrawnButAClosedOneCannot() {
        fixture.given(MADE, APPROVED).when(new WithdrawPledge(ID, "Merged into the township's pledge", null))
                .expectEvents(WITHDRAWN);
        fixture.given(MADE, APPROVED, FULFILLED).when(new WithdrawPledge(ID, "too late", null))
                .expectNoEvents().expectException(CommandRefused.class);
    }

    @Test
    void aPledgeLapsesOnlyAfterItsDeadlineAndOnlyWhileOpen() {
        // Not yet due, or already closed: nothing happens, and nothing is refused (the daily run goes on).
        fixture.given(MADE, APPROVED).when(new LapsePledge(ID, DEADLINE))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(MADE, APPROVED).when(new LapsePledge(ID, DEADLINE.plusDays(1)))
                .expectEvents(new PledgeLapsed(ID, DEADLINE));
        fixture.given(MADE, APPROVED, FULFILLED).when(new LapsePledge(ID, DEADLINE.plusDays(1)))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void aPledgeThatWasNeverApprovedCannotBeFulfilled() {
        fixture.given(MADE).when(new FulfilPledge(ID, LocalDate.of(2011, 11, 2), "done", null))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Pledge p-1 is awaiting the superior's review, so you cannot fulfil it "
                        + "before the superior has approved it");
    }

    @Test
    void everyOtherWrongStateIsRefusedWithItsReason() {
        fixture.given(MADE, WITHDRAWN)
                .when(new ReportProgress(ID, BigDecimal.ONE, null, LocalDate.of(2011, 9, 1), null))
                .expectNoEvents().expectExceptionMessage("Pledge p-1 is withdrawn, so you cannot report progress on it");
        fixture.given(MADE).when(new PublishPledge(ID, PublicationChannel.MEDIA, LocalDate.of(2011, 7, 2), null))
                .expectNoEvents().expectException(CommandRefused.class);
        fixture.given(MADE).when(new RevisePledge(ID, PledgeKind.WORK, PledgeFocus.CENTRAL_WORK, "t", null,
                        DEADLINE, null))
                .expectNoEvents().expectExceptionMessage("Pledge p-1 is awaiting the superior's review, so you "
                        + "cannot revise it");
        fixture.given(MADE, APPROVED).when(new ApprovePledge(ID, LocalDate.of(2011, 7, 3), null))
                .expectNoEvents().expectException(CommandRefused.class);
        fixture.given(MADE, APPROVED).when(new SendBackPledge(ID, List.of("late"), null))
                .expectNoEvents().expectException(CommandRefused.class);
        fixture.given(MADE, APPROVED, FULFILLED).when(new FulfilPledge(ID, LocalDate.of(2011, 11, 3), "x", null))
                .expectNoEvents().expectExceptionMessage("Pledge p-1 is already fulfilled, so you cannot fulfil it");
        fixture.given(MADE, APPROVED, new PledgeLapsed(ID, DEADLINE))
                .when(new FulfilPledge(ID, LocalDate.of(2012, 1, 3), "late", null))
                .expectNoEvents().expectException(CommandRefused.class);
    }

    @Test
    void noStepIsDatedBeforeTheApproval() {
        fixture.given(MADE, APPROVED)
                .when(new FulfilPledge(ID, LocalDate.of(2011, 6, 1), "done", null))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage("fulfilledOn: 2011-06-01 is before the pledge was approved (2011-07-01)");
        fixture.given(MADE, APPROVED)
                .when(new PublishPledge(ID, PublicationChannel.NOTICE_BOARD, LocalDate.of(2011, 6, 30), null))
                .expectNoEvents().expectException(IllegalArgumentException.class);
        fixture.given(MADE, APPROVED)
                .when(new ReportProgress(ID, BigDecimal.ONE, "half", LocalDate.of(2011, 6, 30), null))
                .expectNoEvents().expectException(IllegalArgumentException.class);
        // The same day is fine, and so is a step without a date (the day it is recorded).
        fixture.given(MADE, APPROVED).when(new FulfilPledge(ID, LocalDate.of(2011, 7, 1), "done", null))
                .expectEvents(new PledgeFulfilled(ID, LocalDate.of(2011, 7, 1), "done"));
        fixture.given(MADE, APPROVED).when(new FulfilPledge(ID, null, "done", null))
                .expectEvents(new PledgeFulfilled(ID, null, "done"));
    }
}
