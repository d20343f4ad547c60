package org.campaign.pledging.campaign;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.campaign.CampaignDefined;
import org.campaign.contracts.campaign.CampaignPhase;
import org.campaign.write.CommandRefused;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A campaign (创先争优 2010–2012, the mass-line campaign 2013–2014 …): data, not code. */
@Aggregate
public class Campaign {

    public record DefineCampaign(@TargetAggregateIdentifier String campaignId, String name, LocalDate startsOn,
                                 LocalDate endsOn, List<CampaignPhase> phases) {
    }

    @AggregateIdentifier
    private String campaignId;

    protected Campaign() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineCampaign command) {
        if (campaignId != null) {
            throw CommandRefused.conflict("Campaign " + command.campaignId() + " is already defined");
        }
        apply(new CampaignDefined(command.campaignId(), command.name(), command.startsOn(), command.endsOn(),
                command.phases()));
    }

    @EventSourcingHandler
    void on(CampaignDefined event) {
        campaignId = event.campaignId();
    }
}
