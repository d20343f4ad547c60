package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A mass evaluation was closed and its result published: all ballots and tallies counted together.
 *
 * @param satisfactionRate (satisfied + basically satisfied) / total, in percent with one decimal, e.g. 86.7
 */
@EventContract(revision = "1")
public record MassEvaluationClosed(String evaluationId, String campaignId, int year, SubjectType subjectType,
                                   String subjectId, String organisationId, String townshipId, int satisfied,
                                   int basicallySatisfied, int dissatisfied, int total, BigDecimal satisfactionRate,
                                   LocalDate closedOn) {
}
