package org.campaign.evaluation.ledger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.Actor;
import org.campaign.evaluation.assignment.ReviewerScope;
import org.campaign.service.security.Roles;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Page;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

import static org.campaign.service.web.Text.blankToNull;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The rectification ledger, kept by the inspection groups assigned to a unit's organisation or township, and by
 * the district office: they make a leader responsible and do the final check. The measures and progress may also
 * be recorded by the responsible leader and by the unit's side — the organisation itself or its township.
 */
@Service
public class LedgerService {

    /** Optional filters of the ledger list (a blank one is no filter). */
    public record Filter(String campaignId, Integer year, String townshipId, LedgerStatus status) {

        public Filter {
            campaignId = blankToNull(campaignId);
            townshipId = blankToNull(townshipId);
        }
    }

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final MongoTemplate mongo;

    LedgerService(CommandGateway commands, ReviewerScope scope, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.mongo = mongo;
    }

    /** Sends a command that only those keeping the ledger may send (responsible leader, final check). */
    public void direct(Acting acting, String ledgerId, Object command, String action) {
        LaggingUnitEntry unit = find(ledgerId);
        scope.requireCovers(acting, unit.campaignId(), unit.organisationId(), unit.townshipId(), action);
        commands.sendAndWait(command, acting.metaData());
    }

    /**
     * Sends a command of the rectification work itself (measures, progress), if the actor is the unit's responsible
     * leader, agency staff of the organisation itself or of its township, or keeps the ledger of the unit (an
     * inspection group assigned to it, the district office). Other reviewers assigned to the organisation may not.
     */
    public void rectify(Acting acting, String ledgerId, Object command) {
        LaggingUnitEntry unit = find(ledgerId);
        Actor actor = acting.actor();
        boolean unitsAgency = acting.hasRole(Roles.AGENCY_STAFF) && (actor.agencyId().equals(unit.organisationId())
                || actor.agencyId().equals(unit.townshipId()));
        boolean keepsLedger = (acting.hasRole(Roles.INSPECTION_GROUP) || acting.hasRole(Roles.ADMINISTRATOR))
                && scope.covers(acting, unit.campaignId(), unit.organisationId(), unit.townshipId());
        if (!actor.userId().equals(unit.leaderId()) && !unitsAgency && !keepsLedger) {
            throw CommandRefused.forbidden(actor.userId() + " of " + actor.agencyId() + " may not record the "
                    + "rectification of " + ledgerId + ": only its responsible leader, organisation "
                    + unit.organisationId() + ", township " + unit.townshipId() + ", its assigned inspection group "
                    + "or the district office may");
        }
        commands.sendAndWait(command, acting.metaData());
    }

    public LaggingUnitEntry find(String ledgerId) {
        LaggingUnitEntry unit = mongo.findById(ledgerId, LaggingUnitEntry.class);
        if (unit == null) {
            throw RecordNotFound.of("lagging unit", ledgerId);
        }
        return unit;
    }

    public Page<LaggingUnitEntry> list(Filter filter, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.campaignId() != null) {
            criteria.add(where("campaignId").is(filter.campaignId()));
        }
        if (filter.year() != null) {
            criteria.add(where("year").is(filter.year()));
        }
        if (filter.townshipId() != null) {
            criteria.add(where("townshipId").is(filter.townshipId()));
        }
        if (filter.status() != null) {
            criteria.add(where("status").is(filter.status()));
        }
        return Page.of(mongo, criteria, Sort.by("campaignId", "year", "_id"), page, size, LaggingUnitEntry.class);
    }
}
