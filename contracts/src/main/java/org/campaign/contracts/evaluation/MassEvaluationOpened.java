package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection group opened a mass evaluation (群众评议) of an organisation or member.
 *
 * @param year           the year whose assessment the result feeds
 * @param organisationId the organisation evaluated, or the evaluated member's organisation
 * @param townshipId     the township, street or department that organisation belongs to
 * @param methods        the ways answers are collected; ballots and tallies must use one of them
 */
@EventContract(revision = "1")
public record MassEvaluationOpened(String evaluationId, String campaignId, int year, String round,
                                   SubjectType subjectType, String subjectId, String organisationId,
                                   String townshipId, List<EvaluationMethod> methods, LocalDate openedOn) {
}
