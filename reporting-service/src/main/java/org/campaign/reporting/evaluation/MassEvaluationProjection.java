package org.campaign.reporting.evaluation;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.evaluation.Satisfaction;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.reporting.projection.Contribution;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.campaign.reporting.projection.Values;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.campaign.reporting.evaluation.EvaluationStatistics.*;

/**
 * Mass evaluations (群众评议): opened, answered by ballots and tallies (which carry no respondent and are only
 * checked here), closed with the published counts. Satisfaction figures count closed evaluations only, with the
 * counts of the {@code MassEvaluationClosed} event — the evaluation service's published result — per campaign,
 * township and organisation (sectors and tree nodes are rolled up from organisations at query time). The
 * organisations evaluated as subjects form a set (coverage).
 */
@Component
public class MassEvaluationProjection implements EventProjection {

    @Override
    public Set<String> eventTypes() {
        return Set.of("MassEvaluationOpened", "BallotCast", "TallyEntered", "MassEvaluationClosed");
    }

    @Override
    public String factKind() {
        return MASS_EVALUATION_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        Document before = context.fact();
        String evaluationId = Values.required(event, "evaluationId");
        if (!event.aggregateId().equals(evaluationId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names evaluation "
                    + evaluationId + " but belongs to aggregate " + event.aggregateId());
        }
        Document after = before == null ? null : new Document(before);
        switch (event.type()) {
            case "MassEvaluationOpened" -> {
                if (before != null) {
                    throw new UnprojectableEventException("MassEvaluationOpened " + event.eventId() + ": evaluation "
                            + evaluationId + " was already opened");
                }
                after = describe(event, new Document("evaluationId", evaluationId)).append("status", "OPEN");
            }
            case "BallotCast" -> {
                requireKnown(event, before);
                Values.constant(event, "answer", Satisfaction.class);
            }
            case "TallyEntered" -> {
                requireKnown(event, before);
                nonNegative(event, "satisfied");
                nonNegative(event, "basicallySatisfied");
                nonNegative(event, "dissatisfied");
            }
            default -> {
                long satisfied = nonNegative(event, "satisfied");
                long basically = nonNegative(event, "basicallySatisfied");
                long dissatisfied = nonNegative(event, "dissatisfied");
                long total = Values.integer(event, "total");
                if (total == 0) {
                    total = satisfied + basically + dissatisfied;
                }
                // The closing event carries the whole description, so it is enough even if the opening was lost.
                after = describe(event, after == null ? new Document("evaluationId", evaluationId) : after)
                        .append("status", "CLOSED").append("satisfied", satisfied).append("basicallySatisfied", basically)
                        .append("dissatisfied", dissatisfied).append("total", total)
                        .append("satisfactionRate", Values.text(event.payload(), "satisfactionRate"))
                        .append("closedOn", Values.text(event.payload(), "closedOn"));
                if (SubjectType.ORGANISATION.name().equals(after.getString("subjectType"))) {
                    for (String scope : CounterKey.scopesOf(after.getString("campaignId"))) {
                        context.addToSet(scope, EVALUATED_SET, CounterKey.ALL, after.getString("organisationId"));
                    }
                }
            }
        }
        Contribution.applyDifference(contribution(before), contribution(after), context);
        context.saveFact(after);
    }

    /** Takes the descriptive fields the event carries, keeping those it does not. */
    private static Document describe(EventEnvelope event, Document fact) {
        for (String field : List.of("campaignId", "round", "subjectId", "organisationId", "townshipId")) {
            String value = Values.text(event.payload(), field);
            if (value != null) {
                fact.append(field, value);
            }
        }
        String subjectType = Values.constant(event, "subjectType", SubjectType.class);
        if (subjectType != null) {
            fact.append("subjectType", subjectType);
        }
        if (event.payload().hasNonNull("year")) {
            fact.append("year", Values.integer(event, "year"));
        }
        return fact;
    }

    static Contribution contribution(Document fact) {
        Contribution contribution = new Contribution();
        if (fact == null) {
            return contribution;
        }
        boolean closed = "CLOSED".equals(fact.getString("status"));
        List<CounterKey> keys = new ArrayList<>();
        for (String scope : CounterKey.scopesOf(fact.getString("campaignId"))) {
            keys.add(new CounterKey(scope, MASS_EVALUATION, CounterKey.ALL));
            keys.add(new CounterKey(scope, MASS_EVALUATION_TOWNSHIP, fact.getString("townshipId")));
            keys.add(new CounterKey(scope, CounterFamily.ORGANISATION_DIMENSION, fact.getString("organisationId")));
        }
        contribution.add(keys, OPENED, 1)
                .add(keys, OPEN, closed ? 0 : 1);
        if (closed) {
            contribution.add(keys, CLOSED, 1)
                    .add(keys, RESPONDENTS, Values.number(fact, "total"))
                    .add(keys, SATISFIED, Values.number(fact, "satisfied"))
                    .add(keys, BASICALLY_SATISFIED, Values.number(fact, "basicallySatisfied"))
                    .add(keys, DISSATISFIED, Values.number(fact, "dissatisfied"));
        }
        return contribution;
    }

    private static long nonNegative(EventEnvelope event, String field) {
        long value = Values.integer(event, field);
        if (value < 0) {
            throw new UnprojectableEventException("Unreadable " + event.type() + " payload in event " + event.eventId()
                    + ": " + field + " is negative");
        }
        return value;
    }

    private static void requireKnown(EventEnvelope event, Document fact) {
        if (fact == null) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " for unknown mass evaluation "
                    + event.aggregateId() + ": no MassEvaluationOpened was projected for it");
        }
    }
}
