package org.campaign.evaluation.mass;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.BallotCast;
import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.MassEvaluationClosed;
import org.campaign.contracts.evaluation.MassEvaluationOpened;
import org.campaign.contracts.evaluation.TallyEntered;
import org.campaign.evaluation.mass.MassEvaluationCommands.CastBallot;
import org.campaign.evaluation.mass.MassEvaluationCommands.CloseMassEvaluation;
import org.campaign.evaluation.mass.MassEvaluationCommands.EnterTally;
import org.campaign.evaluation.mass.MassEvaluationCommands.OpenMassEvaluation;
import org.campaign.write.CommandRefused;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static java.lang.Math.toIntExact;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.campaign.write.BusinessDates.requireNotBefore;

/**
 * A mass evaluation (群众评议) of one organisation or member: ballots one by one (one per respondent) and tallies
 * counted at a meeting or from a ballot box, until it is closed and its result published. It counts at most
 * {@link #MAX_ANSWERS} answers. It is cached between commands, so a long evaluation is not replayed from its first
 * ballot for every new one.
 */
@Aggregate(cache = "massEvaluationCache")
public class MassEvaluation {

    /** The most answers one evaluation counts: more people than live in the district. */
    public static final long MAX_ANSWERS = 1_000_000;

    @AggregateIdentifier
    private String evaluationId;
    private MassEvaluationOpened opened;
    private Set<EvaluationMethod> methods;
    private final Set<String> respondents = new HashSet<>();
    private SatisfactionCount count = SatisfactionCount.NONE;
    private boolean closed;

    protected MassEvaluation() {
        // for event sourcing
    }

    @CommandHandler
    public MassEvaluation(OpenMassEvaluation command) {
        apply(new MassEvaluationOpened(command.evaluationId(), command.campaignId(), command.year(),
                command.round(), command.subjectType(), command.subjectId(), command.organisationId(),
                command.townshipId(), command.methods(), command.openedOn()));
    }

    @CommandHandler
    void handle(CastBallot command) {
        requireOpen("cast a ballot");
        requireMethod(command.method());
        if (!command.method().oneByOne()) {
            throw new IllegalArgumentException("method: the answers of " + command.method() + " are counted together "
                    + "and entered as a tally, not as ballots");
        }
        if (respondents.contains(command.respondentId())) {
            throw CommandRefused.conflict("This respondent has already answered mass evaluation " + evaluationId);
        }
        requireRoomFor(1, "cast a ballot");
        apply(new BallotCast(evaluationId, command.method(), command.answer()));
        apply(new BallotRespondentRecorded(evaluationId, command.respondentId(), command.comment()));
    }

    @CommandHandler
    void handle(EnterTally command) {
        requireOpen("enter a tally");
        requireMethod(command.method());
        if (!command.method().counted()) {
            throw new IllegalArgumentException("method: the answers of " + command.method() + " are recorded one by "
                    + "one, as ballots, so that nobody answers twice");
        }
        long answers = (long) command.satisfied() + command.basicallySatisfied() + command.dissatisfied();
        requireRoomFor(answers, "enter a tally of " + answers + " more");
        apply(new TallyEntered(evaluationId, command.method(), command.satisfied(), command.basicallySatisfied(),
                command.dissatisfied()));
    }

    @CommandHandler
    void handle(CloseMassEvaluation command) {
        requireOpen("close it");
        requireNotBefore("closedOn", command.closedOn(), opened.openedOn(), "the evaluation was opened");
        if (count.total() == 0) {
            throw CommandRefused.conflict("Mass evaluation " + evaluationId + " has no answers yet, so it has no "
                    + "result to publish");
        }
        requireRoomFor(0, "close it");
        apply(new MassEvaluationClosed(evaluationId, opened.campaignId(), opened.year(), opened.subjectType(),
                opened.subjectId(), opened.organisationId(), opened.townshipId(), toIntExact(count.satisfied()),
                toIntExact(count.basicallySatisfied()), toIntExact(count.dissatisfied()), toIntExact(count.total()),
                count.rate(), command.closedOn()));
    }

    private void requireOpen(String action) {
        if (closed) {
            throw CommandRefused.conflict("Mass evaluation " + evaluationId + " is closed, so you cannot " + action);
        }
    }

    /** Refuses more answers than {@link #MAX_ANSWERS} in all, so that the published counts stay true. */
    private void requireRoomFor(long answers, String action) {
        if (count.total() + answers > MAX_ANSWERS) {
            throw CommandRefused.conflict("Mass evaluation " + evaluationId + " counts " + count.total()
                    + " answers and may count at most " + MAX_ANSWERS + ", so you cannot " + action);
        }
    }

    private void requireMethod(EvaluationMethod method) {
        if (!methods.contains(method)) {
            throw CommandRefused.conflict("Mass evaluation " + evaluationId + " was opened for " + methods
                    + ", not for " + method);
        }
    }

    @EventSourcingHandler
    void on(MassEvaluationOpened event) {
        evaluationId = event.evaluationId();
        opened = event;
        methods = EnumSet.copyOf(event.methods());
    }

    @EventSourcingHandler
    void on(BallotCast event) {
        count = count.plus(event.answer());
    }

    @EventSourcingHandler
    void on(BallotRespondentRecorded event) {
        respondents.add(event.respondentId());
    }

    @EventSourcingHandler
    void on(TallyEntered event) {
        count = count.plus(new SatisfactionCount(event.satisfied(), event.basicallySatisfied(),
                event.dissatisfied()));
    }

    @EventSourcingHandler
    void on(MassEvaluationClosed event) {
        closed = true;
    }
}
