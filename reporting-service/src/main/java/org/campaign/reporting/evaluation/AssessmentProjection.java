package org.campaign.reporting.evaluation;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Grade;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.reporting.projection.Contribution;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.campaign.reporting.projection.Values;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import static org.campaign.reporting.evaluation.EvaluationStatistics.*;

/**
 * Year-end assessments (考核测评): the grade distribution per subject type, per township and per organisation,
 * and the average total. A subject scored again replaces its earlier score in every figure.
 */
@Component
public class AssessmentProjection implements EventProjection {

    @Override
    public Set<String> eventTypes() {
        return Set.of("EvaluationScored");
    }

    @Override
    public String factKind() {
        return ASSESSMENT_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        String assessmentId = Values.required(event, "assessmentId");
        if (!event.aggregateId().equals(assessmentId)) {
            throw new UnprojectableEventException("EvaluationScored " + event.eventId() + " names assessment "
                    + assessmentId + " but belongs to aggregate " + event.aggregateId());
        }
        String grade = Values.constant(event, "grade", Grade.class);
        if (grade == null) {
            throw new UnprojectableEventException("Unreadable EvaluationScored payload in event " + event.eventId()
                    + ": missing grade");
        }
        BigDecimal total = Values.decimal(event, "total");
        Document before = context.fact();
        Document after = new Document("assessmentId", assessmentId)
                .append("campaignId", Values.text(event.payload(), "campaignId"))
                .append("year", Values.integer(event, "year"))
                .append("subjectType", Values.constant(event, "subjectType", SubjectType.class))
                .append("subjectId", Values.text(event.payload(), "subjectId"))
                .append("organisationId", Values.text(event.payload(), "organisationId"))
                .append("townshipId", Values.text(event.payload(), "townshipId"))
                .append("total", total == null ? null : total.toPlainString())
                .append("grade", grade);
        Contribution.applyDifference(contribution(before), contribution(after), context);
        context.saveFact(after);
    }

    static Contribution contribution(Document fact) {
        Contribution contribution = new Contribution();
        if (fact == null) {
            return contribution;
        }
        String subjectType = fact.getString("subjectType") == null ? CounterKey.UNKNOWN : fact.getString("subjectType");
        String grade = fact.getString("grade");
        String total = fact.getString("total");
        long tenths = total == null ? 0 : new BigDecimal(total).movePointRight(1).setScale(0, RoundingMode.HALF_UP).longValue();
        boolean organisation = SubjectType.ORGANISATION.name().equals(subjectType);
        for (String scope : CounterKey.scopesOf(fact.getString("campaignId"))) {
            CounterKey bySubject = new CounterKey(scope, GRADE, subjectType);
            contribution.add(bySubject, SCORED, 1).add(bySubject, SCORE_TENTHS, tenths)
                    .add(bySubject, GRADE_PREFIX + grade, 1);
            if (organisation) {
                CounterKey township = new CounterKey(scope, GRADE_TOWNSHIP, fact.getString("townshipId"));
                contribution.add(township, SCORED, 1).add(township, GRADE_PREFIX + grade, 1)
                        .add(township, SCORE_TENTHS, tenths);
                CounterKey unit = new CounterKey(scope, CounterFamily.ORGANISATION_DIMENSION,
                        fact.getString("organisationId"));
                contribution.add(unit, SCORED, 1).add(unit, GRADE_PREFIX + grade, 1).add(unit, SCORE_TENTHS, tenths);
            }
        }
        return contribution;
    }
}
