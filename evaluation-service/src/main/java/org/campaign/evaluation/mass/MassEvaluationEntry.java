package org.campaign.evaluation.mass;

import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.SubjectType;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A mass evaluation as it stands: the answers counted so far, the public's comments without who wrote them, and
 * once closed its satisfaction rate. Respondents' identities are never part of it.
 * <p>
 * Indexed for the evaluations a reviewer may read (opened by them, or of the organisations and townships assigned),
 * and those an assessment draws on.
 *
 * @param openedBy the user the evaluation was opened by (an inspection group's account or the district office)
 * @param openedAt when it was opened; the list shows the newest first
 * @param ballots number of individual ballots; tallies are counted in the totals only
 */
@Document("mass_evaluations")
@CompoundIndex(name = "opened_by", def = "{'openedBy': 1, 'openedAt': -1, '_id': -1}")
@CompoundIndex(name = "township", def = "{'townshipId': 1}")
@CompoundIndex(name = "organisation", def = "{'organisationId': 1}")
public record MassEvaluationEntry(@Id String id, String campaignId, int year, String round,
                                  SubjectType subjectType, String subjectId, String organisationId,
                                  String townshipId, List<EvaluationMethod> methods, LocalDate openedOn,
                                  String openedBy, Instant openedAt, boolean closed, long satisfied,
                                  long basicallySatisfied, long dissatisfied, int ballots, int tallies,
                                  List<String> comments, BigDecimal satisfactionRate, LocalDate closedOn, long version,
                                  Instant lastChangedAt) {

    public SatisfactionCount count() {
        return new SatisfactionCount(satisfied, basicallySatisfied, dissatisfied);
    }

    /** Of the methods it was opened for, those whose answers are recorded one by one, as ballots. */
    @JsonProperty
    public List<EvaluationMethod> ballotMethods() {
        return methods == null ? List.of() : methods.stream().filter(EvaluationMethod::oneByOne).toList();
    }

    /** Of the methods it was opened for, those whose answers are counted together and entered as tallies. */
    @JsonProperty
    public List<EvaluationMethod> tallyMethods() {
        return methods == null ? List.of() : methods.stream().filter(EvaluationMethod::counted).toList();
    }
}
