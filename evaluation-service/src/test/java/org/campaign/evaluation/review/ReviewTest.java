package org.campaign.evaluation.review;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.RectificationAccepted;
import org.campaign.contracts.evaluation.RectificationCommitted;
import org.campaign.contracts.evaluation.RectificationCompleted;
import org.campaign.contracts.evaluation.RectificationReopened;
import org.campaign.contracts.evaluation.ReviewRecorded;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.review.ReviewCommands.AcceptRectification;
import org.campaign.evaluation.review.ReviewCommands.CommitRectification;
import org.campaign.evaluation.review.ReviewCommands.CompleteRectification;
import org.campaign.evaluation.review.ReviewCommands.RecordReview;
import org.campaign.evaluation.review.ReviewCommands.ReopenRectification;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** Every transition of a review's rectification, and every refusal, on the aggregate alone. */
class ReviewTest {

    static final String ID = "r-1";
    static final LocalDate DEADLINE = LocalDate.of(2011, 7, 15);
    static final ReviewRecorded RECORDED = new ReviewRecorded(ID, "cxzy-2011", "2011-R1", SubjectType.ORGANISATION,
            "v1", "v1", "leader-1", Rating.FAIR, "承诺具体", "公开不及时", "在公开栏公示承诺", DEADLINE);
    static final ReviewRecorded WITHOUT_RECTIFICATION = new ReviewRecorded(ID, "cxzy-2011", "2011-R1",
            SubjectType.ORGANISATION, "v1", "v1", "leader-1", Rating.EXCELLENT, "践诺到位", null, null, null);
    static final RectificationCommitted COMMITTED = new RectificationCommitted(ID, "七月十日前公示",
            LocalDate.of(2011, 7, 1));
    static final RectificationCompleted COMPLETED = new RectificationCompleted(ID, "已在公开栏公示",
            LocalDate.of(2011, 7, 10));
    static final RectificationReopened REOPENED = new RectificationReopened(ID, "公示内容不全",
            LocalDate.of(2011, 7, 12));
    static final RectificationAccepted ACCEPTED = new RectificationAccepted(ID, "整改到位", LocalDate.of(2011, 7, 20));

    FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    static RecordReview record(String townshipId, String rectification, LocalDate deadline) {
        return new RecordReview(ID, "cxzy-2011", "2011-R1", SubjectType.ORGANISATION, "v1", "v1", townshipId,
                townshipId == null ? List.of() : List.of(townshipId, "v1"), "leader-1", rectification == null ? Rating.EXCELLENT : Rating.FAIR,
                rectification == null ? "践诺到位" : "承诺具体", rectification == null ? null : "公开不及时",
                rectification, deadline);
    }

    @Test
    void aReviewIsRecordedWithTheTownshipKeptInside() {
        fixture.givenNoPriorActivity().when(record("east", "在公开栏公示承诺", DEADLINE))
                .expectEvents(RECORDED, new ReviewTownshipRecorded(ID, "east", List.of("east", "v1")));
        fixture.givenNoPriorActivity().when(record(null, null, null))
                .expectEvents(WITHOUT_RECTIFICATION);
    }

    @Test
    void theSubjectCommitsAndCompletesAndTheReviewerAccepts() {
        fixture.given(RECORDED).when(new CommitRectification(ID, "七月十日前公示", LocalDate.of(2011, 7, 1)))
                .expectEvents(COMMITTED);
        fixture.given(RECORDED, COMMITTED)
                .when(new CompleteRectification(ID, "已在公开栏公示", LocalDate.of(2011, 7, 10)))
                .expectEvents(COMPLETED);
        fixture.given(RECORDED, COMMITTED, COMPLETED)
                .when(new AcceptRectification(ID, "整改到位", LocalDate.of(2011, 7, 20)))
                .expectEvents(ACCEPTED);
    }

    @Test
    void aReopenedRectificationIsCommittedToAgain() {
        fixture.given(RECORDED, COMMITTED, COMPLETED)
                .when(new ReopenRectification(ID, "公示内容不全", LocalDate.of(2011, 7, 12)))
                .expectEvents(REOPENED);
        fixture.given(RECORDED, COMMITTED, COMPLETED, REOPENED)
                .when(new CommitRectification(ID, "补充公示", LocalDate.of(2011, 7, 13)))
                .expectEvents(new RectificationCommitted(ID, "补充公示", LocalDate.of(2011, 7, 13)));
        fixture.given(RECORDED, COMMITTED, COMPLETED, REOPENED)
                .when(new CompleteRectification(ID, "x", LocalDate.of(2011, 7, 13)))
                .expectNoEvents()
                .expectExceptionMessage("The rectification required by review r-1 is reopened by the reviewer and "
                        + "awaiting a new statement, so you cannot report it completed");
    }

    @Test
    void completingBeforeCommittingIsRefused() {
        fixture.given(RECORDED).when(new CompleteRectification(ID, "done", LocalDate.of(2011, 7, 10)))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("The rectification required by review r-1 is still awaiting the subject's "
                        + "rectification statement, so you cannot report it completed");
    }

    @Test
    void committingTwiceIsRefused() {
        fixture.given(RECORDED, COMMITTED).when(new CommitRectification(ID, "again", LocalDate.of(2011, 7, 2)))
                .expectNoEvents()
                .expectExceptionMessage("The rectification required by review r-1 is committed to but not yet "
                        + "reported completed, so you cannot commit to it");
    }

    @Test
    void acceptingOrReopeningBeforeCompletionIsRefused() {
        fixture.given(RECORDED, COMMITTED).when(new AcceptRectification(ID, null, LocalDate.of(2011, 7, 20)))
                .expectNoEvents().expectException(CommandRefused.class);
        fixture.given(RECORDED).when(new ReopenRectification(ID, "why", LocalDate.of(2011, 7, 20)))
                .expectNoEvents().expectException(CommandRefused.class);
    }

    @Test
    void anAcceptedRectificationIsFinal() {
        fixture.given(RECORDED, COMMITTED, COMPLETED, ACCEPTED)
                .when(new AcceptRectification(ID, "again", LocalDate.of(2011, 7, 21)))
                .expectNoEvents()
                .expectExceptionMessage("The rectification required by review r-1 is already accepted, so you "
                        + "cannot accept it");
        fixture.given(RECORDED, COMMITTED, COMPLETED, ACCEPTED)
                .when(new ReopenRectification(ID, "late doubt", LocalDate.of(2011, 7, 21)))
                .expectNoEvents().expectException(CommandRefused.class);
        fixture.given(RECORDED, COMMITTED, COMPLETED, ACCEPTED)
                .when(new CommitRectification(ID, "more", LocalDate.of(2011, 7, 21)))
                .expectNoEvents().expectException(CommandRefused.class);
    }

    @Test
    void aReviewWithoutRectificationAcceptsNoRectificationStep() {
        String refusal = "Review r-1 required no rectification, so you cannot ";
        fixture.given(WITHOUT_RECTIFICATION).when(new CommitRectification(ID, "s", LocalDate.of(2011, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "commit to it");
        fixture.given(WITHOUT_RECTIFICATION).when(new CompleteRectification(ID, "r", LocalDate.of(2011, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "report it completed");
        fixture.given(WITHOUT_RECTIFICATION).when(new AcceptRectification(ID, null, LocalDate.of(2011, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "accept it");
        fixture.given(WITHOUT_RECTIFICATION).when(new ReopenRectification(ID, "r", LocalDate.of(2011, 7, 1)))
                .expectNoEvents().expectExceptionMessage(refusal + "reopen it");
    }

    @Test
    void noRectificationStepIsDatedBeforeTheOneItFollows() {
        fixture.given(RECORDED, COMMITTED).when(new CompleteRectification(ID, "done", LocalDate.of(2011, 6, 30)))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage("completedOn: 2011-06-30 is before the rectification was committed to "
                        + "(2011-07-01)");
        fixture.given(RECORDED, COMMITTED, COMPLETED).when(new AcceptRectification(ID, null, LocalDate.of(2011, 7, 9)))
                .expectNoEvents().expectException(IllegalArgumentException.class);
        fixture.given(RECORDED, COMMITTED, COMPLETED).when(new ReopenRectification(ID, "r", LocalDate.of(2011, 7, 9)))
                .expectNoEvents().expectException(IllegalArgumentException.class);
    }
}
