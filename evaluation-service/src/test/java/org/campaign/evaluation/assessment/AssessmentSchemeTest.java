package org.campaign.evaluation.assessment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.campaign.contracts.evaluation.AssessmentSchemeSet;
import org.campaign.contracts.evaluation.AssessmentWeights;
import org.campaign.evaluation.assessment.AssessmentCommands.SetAssessmentScheme;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class AssessmentSchemeTest {

    static final Scheme FIRST = new Scheme(new AssessmentWeights(30, 30, 25, 15), new BigDecimal("85.0"),
            new BigDecimal("60.0"));
    static final Scheme SECOND = new Scheme(new AssessmentWeights(25, 25, 30, 20), new BigDecimal("90.0"),
            new BigDecimal("60.0"));
    static final AssessmentSchemeSet FIRST_SET = new AssessmentSchemeSet("cxzy-2011", FIRST.weights(),
            FIRST.advancedThreshold(), FIRST.laggingThreshold());

    FixtureConfiguration<AssessmentScheme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssessmentScheme.class);
    }

    @Test
    void aCampaignsSchemeIsSetAndChanged() {
        fixture.givenNoPriorActivity().when(new SetAssessmentScheme("cxzy-2011", FIRST)).expectEvents(FIRST_SET);
        fixture.given(FIRST_SET).when(new SetAssessmentScheme("cxzy-2011", SECOND))
                .expectEvents(new AssessmentSchemeSet("cxzy-2011", SECOND.weights(), SECOND.advancedThreshold(),
                        SECOND.laggingThreshold()));
    }

    @Test
    void settingTheSameSchemeAgainIsRefused() {
        fixture.given(FIRST_SET).when(new SetAssessmentScheme("cxzy-2011", FIRST))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Campaign cxzy-2011 already has this assessment scheme");
    }
}
