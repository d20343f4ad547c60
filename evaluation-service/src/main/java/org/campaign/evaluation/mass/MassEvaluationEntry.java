package org.campaign.evaluation.mass;

import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.SubjectType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A mass evaluation as it stands: the answers counted so far, the public's comments without who wrote them, and
 * once closed its satisfaction rate. Respondents' identities are never part of it.
 *
 * @param ballots number of individual ballots; tallies are counted in the totals only
 */
@Document("mass_evaluations")
public record MassEvaluationEntry(@Id String id, String campaignId, int year, String round,
                                  SubjectType subjectType, String subjectId, String organisationId,
                                  String townshipId, List<EvaluationMethod> methods, LocalDate openedOn,
                                  boolean closed, int satisfied, int basicallySatisfied, int dissatisfied,
                                  int ballots, int tallies, List<String> comments, BigDecimal satisfactionRate,
                                  LocalDate closedOn, long version, Instant lastChangedAt) {

    public SatisfactionCount count() {
        return new SatisfactionCount(satisfied, basicallySatisfied, dissatisfied);
    }
}
