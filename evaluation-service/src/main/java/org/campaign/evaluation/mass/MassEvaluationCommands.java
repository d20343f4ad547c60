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

    public record OpenMassEvaluation(@TargetAggregateIdentifier String evaluationId, String campaignId, int year,
                                     String round, SubjectType subjectType, String subjectId,
                                     String organisationId, String townshipId, List<EvaluationMethod> methods,
                                     LocalDate openedOn) {
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
