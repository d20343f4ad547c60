package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

/** Answers counted at an evaluation meeting or from a ballot box were entered as one tally. */
@EventContract(revision = "1")
public record TallyEntered(String evaluationId, EvaluationMethod method, int satisfied, int basicallySatisfied,
                           int dissatisfied) {
}
