package org.campaign.evaluation.assessment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.evaluation.AssessmentSchemeSet;
import org.campaign.evaluation.assessment.AssessmentCommands.SetAssessmentScheme;
import org.campaign.write.CommandRefused;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The assessment scheme of one campaign, identified by the campaign's id. */
@Aggregate
public class AssessmentScheme {

    @AggregateIdentifier
    private String campaignId;
    private Scheme scheme;

    protected AssessmentScheme() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetAssessmentScheme command) {
        if (command.scheme().equals(scheme)) {
            throw CommandRefused.conflict("Campaign " + command.campaignId() + " already has this assessment scheme");
        }
        Scheme next = command.scheme();
        apply(new AssessmentSchemeSet(command.campaignId(), next.weights(), next.advancedThreshold(),
                next.laggingThreshold()));
    }

    @EventSourcingHandler
    void on(AssessmentSchemeSet event) {
        campaignId = event.campaignId();
        scheme = new Scheme(event.weights(), event.advancedThreshold(), event.laggingThreshold());
    }
}
