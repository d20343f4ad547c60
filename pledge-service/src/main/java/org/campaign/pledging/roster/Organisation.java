package org.campaign.pledging.roster;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.roster.OrganisationDeregistered;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRegistered;
import org.campaign.contracts.roster.OrganisationRenamed;
import org.campaign.pledging.roster.RosterCommands.DeregisterOrganisation;
import org.campaign.pledging.roster.RosterCommands.MoveOrganisation;
import org.campaign.pledging.roster.RosterCommands.RegisterOrganisation;
import org.campaign.pledging.roster.RosterCommands.RenameOrganisation;
import org.campaign.write.CommandRefused;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A grass-roots party organisation (基层党组织) in the tree of the district. */
@Aggregate
public class Organisation {

    @AggregateIdentifier
    private String organisationId;
    private boolean registered;
    private boolean deregistered;

    protected Organisation() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterOrganisation command) {
        if (registered) {
            throw CommandRefused.conflict("Organisation " + command.organisationId() + " is already registered");
        }
        apply(new OrganisationRegistered(command.organisationId(), command.name(), command.kind(),
                command.sector(), command.parentId(), command.townshipId(), command.agencyId(), command.path()));
    }

    @CommandHandler
    void handle(MoveOrganisation command) {
        requireActive();
        apply(new OrganisationMoved(organisationId, command.parentId(), command.townshipId(), command.agencyId(),
                command.path()));
    }

    @CommandHandler
    void handle(RenameOrganisation command) {
        requireActive();
        apply(new OrganisationRenamed(organisationId, command.name()));
    }

    @CommandHandler
    void handle(DeregisterOrganisation command) {
        requireActive();
        apply(new OrganisationDeregistered(organisationId, command.reason()));
    }

    private void requireActive() {
        if (deregistered) {
            throw CommandRefused.conflict("Organisation " + organisationId + " is deregistered");
        }
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        registered = true;
    }

    @EventSourcingHandler
    void on(OrganisationDeregistered event) {
        deregistered = true;
    }
}
