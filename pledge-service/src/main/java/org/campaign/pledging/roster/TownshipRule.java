package org.campaign.pledging.roster;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.pledging.roster.RosterCommands.MoveOrganisation;
import org.campaign.write.events.ActorMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.campaign.pledging.PledgeServiceApplication.SYSTEM;

/**
 * Brings the roster into line with the township rule at start-up: an organisation belongs to its parent's township
 * or heads one of its own ({@link RosterService}). Organisations registered or moved before the rule may do
 * neither; each is moved, to the parent it has, into its parent's township, and its subtree follows as with every
 * move, so that the other services and the reports, which take townships from these events, agree. Organisations
 * are taken top-down and read again before each decision (deregistered ones stay as they are); once the roster is
 * in line this sends nothing.
 */
@Component
class TownshipRule {

    private static final Logger log = LoggerFactory.getLogger(TownshipRule.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;

    TownshipRule(MongoTemplate mongo, CommandGateway commands) {
        this.mongo = mongo;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bringIntoLine() {
        List<OrganisationEntry> topDown = new ArrayList<>(mongo.findAll(OrganisationEntry.class));
        topDown.sort(Comparator.comparingInt((OrganisationEntry o) -> o.path() == null ? 0 : o.path().size())
                .thenComparing(OrganisationEntry::id));
        int moved = 0;
        for (OrganisationEntry listed : topDown) {
            OrganisationEntry organisation = mongo.findById(listed.id(), OrganisationEntry.class);
            OrganisationEntry parent = organisation == null || organisation.parentId() == null ? null
                    : mongo.findById(organisation.parentId(), OrganisationEntry.class);
            if (parent == null || !organisation.active() || organisation.id().equals(organisation.townshipId())
                    || parent.townshipId().equals(organisation.townshipId())) {
                continue;
            }
            log.warn("Organisation {} is in township {}, neither its own nor its parent's ({}): moving it there",
                    organisation.id(), organisation.townshipId(), parent.townshipId());
            try {
                commands.sendAndWait(new MoveOrganisation(organisation.id(), parent.id(), parent.townshipId(),
                        organisation.agencyId(), organisation.path()), ActorMetaData.of(SYSTEM, null));
                moved++;
            } catch (RuntimeException e) {
                // Another instance moved it at the same time, or it changed meanwhile: the next start looks again.
                log.warn("Could not move organisation {} into township {}: {}", organisation.id(),
                        parent.townshipId(), e.getMessage());
            }
        }
        if (moved > 0) {
            log.info("Moved {} organisations into their parents' townships", moved);
        }
    }
}
