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

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.campaign.pledging.PledgeServiceApplication.SYSTEM;

/**
 * Brings the roster into line with the township rule at start-up: an organisation belongs to its parent's township
 * or heads one of its own ({@link RosterService}). Organisations registered or moved before the rule may do
 * neither; each is moved, to the parent it has, into its parent's township, and its subtree follows as with every
 * move, so that the other services and the reports, which take townships from these events, agree. Organisations
 * are taken top-down (deregistered ones stay as they are); once the roster is in line this reads it once and sends
 * nothing.
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
        Set<String> tried = new HashSet<>();
        int moved = 0;
        for (OrganisationEntry[] stray = firstStray(tried); stray != null; stray = firstStray(tried)) {
            OrganisationEntry organisation = stray[0];
            OrganisationEntry parent = stray[1];
            tried.add(organisation.id());
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

    /**
     * The topmost registered organisation, not tried yet, in neither its own township nor its parent's, with its
     * parent; {@code null} when there is none. The roster is read anew each time: a move carries a subtree along.
     */
    private OrganisationEntry[] firstStray(Set<String> tried) {
        Map<String, OrganisationEntry> byId = new HashMap<>();
        mongo.findAll(OrganisationEntry.class).forEach(entry -> byId.put(entry.id(), entry));
        return byId.values().stream()
                .sorted(Comparator.comparingInt((OrganisationEntry o) -> o.path() == null ? 0 : o.path().size())
                        .thenComparing(OrganisationEntry::id))
                .filter(o -> o.active() && !tried.contains(o.id()) && !o.id().equals(o.townshipId()))
                .filter(o -> o.parentId() != null && byId.containsKey(o.parentId())
                        && !byId.get(o.parentId()).townshipId().equals(o.townshipId()))
                .map(o -> new OrganisationEntry[] {o, byId.get(o.parentId())})
                .findFirst().orElse(null);
    }
}
