package org.campaign.evaluation.assignment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.campaign.contracts.evaluation.ReviewerAssigned;
import org.campaign.contracts.evaluation.ReviewerAssignmentRevoked;
import org.campaign.contracts.evaluation.ReviewerKind;
import org.campaign.evaluation.assignment.AssignmentCommands.AssignReviewer;
import org.campaign.evaluation.assignment.AssignmentCommands.RevokeAssignment;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class AssignmentTest {

    static final ReviewerAssigned ASSIGNED = new ReviewerAssigned("a-1", "cxzy-2011", "group-2",
            ReviewerKind.INSPECTION_GROUP, List.of(), List.of("east", "west"));
    static final ReviewerAssignmentRevoked REVOKED = new ReviewerAssignmentRevoked("a-1", "督导组调整");

    FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assignment.class);
    }

    @Test
    void aReviewerIsAssignedAndTheAssignmentRevoked() {
        fixture.givenNoPriorActivity()
                .when(new AssignReviewer("a-1", "cxzy-2011", "group-2", ReviewerKind.INSPECTION_GROUP, List.of(),
                        List.of("east", "west")))
                .expectEvents(ASSIGNED);
        fixture.given(ASSIGNED).when(new RevokeAssignment("a-1", "督导组调整")).expectEvents(REVOKED);
    }

    @Test
    void anAssignmentIsRevokedOnlyOnce() {
        fixture.given(ASSIGNED, REVOKED).when(new RevokeAssignment("a-1", "again"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Assignment a-1 is already revoked");
    }
}
