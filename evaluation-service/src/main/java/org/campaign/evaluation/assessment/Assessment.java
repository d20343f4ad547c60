package org.campaign.evaluation.assessment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.EvaluationScored;
import org.campaign.contracts.evaluation.Grade;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.assessment.AssessmentCommands.ScoreAssessment;
import org.campaign.evaluation.ledger.LaggingUnit;
import org.campaign.write.CommandRefused;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * The year-end assessment (考核测评) of one organisation or member in one campaign year. An organisation graded
 * lagging is put on the rectification ledger in the same commit: its {@link LaggingUnit} is created with it.
 */
@Aggregate
public class Assessment {

    @AggregateIdentifier
    private String assessmentId;

    protected Assessment() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScoreAssessment command) throws Exception {
        if (assessmentId != null) {
            throw CommandRefused.conflict(command.subjectType() + " " + command.subjectId() + " was already assessed "
                    + "for " + command.year() + " in campaign " + command.campaignId());
        }
        BigDecimal total = command.scheme().total(command.scores());
        EvaluationScored scored = new EvaluationScored(command.assessmentId(), command.campaignId(), command.year(),
                command.subjectType(), command.subjectId(), command.organisationId(), command.townshipId(),
                command.scores(), command.publicSatisfactionSource(), command.checklist(), total,
                command.scheme().grade(total));
        apply(scored);
        if (scored.grade() == Grade.LAGGING && scored.subjectType() == SubjectType.ORGANISATION) {
            createNew(LaggingUnit.class, () -> LaggingUnit.list(scored));
        }
    }

    @EventSourcingHandler
    void on(EvaluationScored event) {
        assessmentId = event.assessmentId();
    }
}
