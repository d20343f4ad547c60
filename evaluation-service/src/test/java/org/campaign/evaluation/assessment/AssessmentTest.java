package org.campaign.evaluation.assessment;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.campaign.contracts.evaluation.AssessmentWeights;
import org.campaign.contracts.evaluation.DimensionScores;
import org.campaign.contracts.evaluation.EvaluationScored;
import org.campaign.contracts.evaluation.FiveGoodsFourStrongs;
import org.campaign.contracts.evaluation.Grade;
import org.campaign.contracts.evaluation.LaggingUnitListed;
import org.campaign.contracts.evaluation.ScoreSource;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.assessment.AssessmentCommands.ScoreAssessment;
import org.campaign.evaluation.ledger.LaggingUnit;
import org.campaign.write.CommandRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring on the aggregate alone: total, grade, the ledger listing of a lagging organisation, a second score. */
class AssessmentTest {

    static final Scheme SCHEME = new Scheme(new AssessmentWeights(30, 30, 25, 15), new BigDecimal("85.0"),
            new BigDecimal("60.0"));
    static final FiveGoodsFourStrongs CHECKLIST = new FiveGoodsFourStrongs(true, true, false, true, true, true,
            false, true, true);
    static final String ORG_ID = ScoreAssessment.idOf("cxzy-2011", 2011, SubjectType.ORGANISATION, "v1");
    static final String MEMBER_ID = ScoreAssessment.idOf("cxzy-2011", 2011, SubjectType.MEMBER, "m1");

    FixtureConfiguration<Assessment> fixture;
    /** Where the ledger entries an assessment creates are stored; the fixture records only the assessment's. */
    EventStore ledger;
    InMemoryEventStorageEngine ledgerStorage;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        ledgerStorage = new InMemoryEventStorageEngine();
        ledger = EmbeddedEventStore.builder().storageEngine(ledgerStorage).build();
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return EventSourcingRepository.builder(type).eventStore(ledger).build();
            }
        });
    }

    List<Object> ledgerEvents(String ledgerId) {
        return ledger.readEvents(ledgerId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** Every ledger event stored, of any ledger entry. */
    List<Object> allLedgerEvents() {
        return ledgerStorage.readEvents(null, false).map(Message::getPayload).map(Object.class::cast).toList();
    }

    static DimensionScores scores(String post, String development, String satisfaction, String reputation) {
        return new DimensionScores(new BigDecimal(post), new BigDecimal(development), new BigDecimal(satisfaction),
                new BigDecimal(reputation));
    }

    static ScoreAssessment organisation(DimensionScores scores) {
        return new ScoreAssessment(ORG_ID, "cxzy-2011", 2011, SubjectType.ORGANISATION, "v1", "v1", "east", scores,
                ScoreSource.ENTERED, CHECKLIST, SCHEME);
    }

    static EvaluationScored scored(DimensionScores scores, String total, Grade grade) {
        return new EvaluationScored(ORG_ID, "cxzy-2011", 2011, SubjectType.ORGANISATION, "v1", "v1", "east", scores,
                ScoreSource.ENTERED, CHECKLIST, new BigDecimal(total), grade);
    }

    @Test
    void theTotalIsTheWeightedSumRoundedToOneDecimalAndGradedAtTheThresholds() {
        // 27 + 26.4 + 20 + 11.325 = 84.725 -> 84.7, just below the advanced threshold
        DimensionScores middle = scores("90", "88", "80", "75.5");
        fixture.givenNoPriorActivity().when(organisation(middle))
                .expectEvents(scored(middle, "84.7", Grade.MIDDLE));
        // 28.5 + 27 + 20 + 9.51 = 85.01 -> 85.0, at the advanced threshold
        DimensionScores advanced = scores("95", "90", "80", "63.4");
        fixture.givenNoPriorActivity().when(organisation(advanced))
                .expectEvents(scored(advanced, "85.0", Grade.ADVANCED));
        // exactly at the lagging threshold is still middle
        DimensionScores boundary = scores("60", "60", "60", "60");
        fixture.givenNoPriorActivity().when(organisation(boundary))
                .expectEvents(scored(boundary, "60.0", Grade.MIDDLE));
        assertThat(allLedgerEvents()).isEmpty();
    }

    @Test
    void aLaggingOrganisationIsPutOnTheLedgerInTheSameCommit() {
        DimensionScores lagging = scores("59.9", "59.9", "59.9", "59.9");
        EvaluationScored scored = scored(lagging, "59.9", Grade.LAGGING);
        String ledgerId = LaggingUnit.idOf("cxzy-2011", 2011, "v1");
        fixture.givenNoPriorActivity().when(organisation(lagging)).expectEvents(scored);
        assertThat(ledgerEvents(ledgerId)).containsExactly(new LaggingUnitListed(ledgerId, ORG_ID, "cxzy-2011", 2011,
                "v1", "east", new BigDecimal("59.9")));
    }

    @Test
    void aLaggingMemberIsGradedButNotPutOnTheLedger() {
        DimensionScores lagging = scores("50", "50", "50", "50");
        fixture.givenNoPriorActivity()
                .when(new ScoreAssessment(MEMBER_ID, "cxzy-2011", 2011, SubjectType.MEMBER, "m1", "v1", "east",
                        lagging, ScoreSource.MASS_EVALUATIONS, null, SCHEME))
                .expectEvents(new EvaluationScored(MEMBER_ID, "cxzy-2011", 2011, SubjectType.MEMBER, "m1", "v1",
                        "east", lagging, ScoreSource.MASS_EVALUATIONS, null, new BigDecimal("50.0"),
                        Grade.LAGGING));
        assertThat(allLedgerEvents()).isEmpty();
    }

    @Test
    void aSubjectIsAssessedOnlyOncePerYear() {
        DimensionScores first = scores("90", "88", "80", "75.5");
        fixture.given(scored(first, "84.7", Grade.MIDDLE))
                .when(organisation(scores("99", "99", "99", "99")))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("ORGANISATION v1 was already assessed for 2011 in campaign cxzy-2011");
    }
}
