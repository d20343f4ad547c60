package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

/**
 * One respondent answered a mass evaluation. Who answered, and any comment, stay in the evaluation service: this
 * event carries only the method and the answer.
 */
@EventContract(revision = "1")
public record BallotCast(String evaluationId, EvaluationMethod method, Satisfaction answer) {
}
