package org.campaign.evaluation.mass;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.Satisfaction;
import org.campaign.contracts.evaluation.SubjectType;

import java.time.LocalDate;
import java.util.List;

/** The commands of a mass evaluation (群众评议). */
public final class MassEvaluationCommands {

    private MassEvaluationCommands() {
    }

    /**
     * {@code townshipId} is the township of the subject's organisation: as the request stated it (or {@code null})
     * until the roster has placed the subject, then the roster's ({@link #placedIn}).
     */
    public record OpenMassEvaluation(@TargetAggregateIdentifier String evaluationId, String campaignId, int year,
                                     String round, SubjectType subjectType, String subjectId,
                                     String organisationId, String townshipId, List<EvaluationMethod> methods,
                                     LocalDate openedOn) {

        /** The same opening, recorded with the township the roster places its subject in. */
        public OpenMassEvaluation placedIn(String rosterTownshipId) {
            return new OpenMassEvaluation(evaluationId, campaignId, year, round, subjectType, subjectId,
                    organisationId, rosterTownshipId, methods, openedOn);
        }
    }

    /** {@code respondentId} identifies the respondent within the evaluation (normalised by the sender). */
    public record CastBallot(@TargetAggregateIdentifier String evaluationId, String respondentId,
                             EvaluationMethod method, Satisfaction answer, String comment) {
    }

    public record EnterTally(@TargetAggregateIdentifier String evaluationId, EvaluationMethod method, int satisfied,
                             int basicallySatisfied, int dissatisfied) {
    }

    public record CloseMassEvaluation(@TargetAggregateIdentifier String evaluationId, LocalDate closedOn) {
    }
}
