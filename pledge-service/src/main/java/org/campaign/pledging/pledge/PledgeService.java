package org.campaign.pledging.pledge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Target;
import org.campaign.pledging.pledge.PledgeCommands.MakePledge;
import org.campaign.pledging.roster.AgencyBoundary;
import org.campaign.pledging.roster.MemberEntry;
import org.campaign.pledging.roster.OrganisationEntry;
import org.campaign.write.BusinessDates;
import org.campaign.write.CommandRefused;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Acting;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends pledge commands on behalf of an agency: the pledger is looked up in the roster (its organisation gives
 * the sector and township counted in the statistics), and every command is checked against the agency boundary
 * first.
 */
@Service
public class PledgeService {

    /** What a new pledge says; the pledger is named by type and id and looked up in the roster. */
    public record NewPledge(String pledgeId, String campaignId, PledgerType pledgerType, String pledgerId,
                            PledgeKind kind, PledgeFocus focus, String title, Target target, LocalDate deadline,
                            boolean oral) {
    }

    private final CommandGateway commands;
    private final AgencyBoundary boundary;
    private final MongoTemplate mongo;

    PledgeService(CommandGateway commands, AgencyBoundary boundary, MongoTemplate mongo) {
        this.commands = commands;
        this.boundary = boundary;
        this.mongo = mongo;
    }

    /**
     * Makes a pledge; {@code pledgerField} names the pledger's id as the caller's request does ({@code pledger.id}
     * in the API's JSON, {@code pledgerId} in a CSV row), for the 400 of an unknown pledger.
     */
    public void make(Acting acting, NewPledge pledge, String pledgerField) {
        if (!mongo.exists(Query.query(where("_id").is(pledge.campaignId())), "campaigns")) {
            throw new IllegalArgumentException("campaignId: there is no campaign " + pledge.campaignId());
        }
        Pledger pledger = pledger(acting, pledge.pledgerType(), pledge.pledgerId(), pledgerField);
        commands.sendAndWait(new MakePledge(pledge.pledgeId(), pledge.campaignId(), pledger, pledge.kind(),
                pledge.focus(), pledge.title(), pledge.target(), pledge.deadline(), pledge.oral()),
                acting.metaData());
    }

    /** Sends a lifecycle command about an existing pledge, if the pledge lies within the acting agency. */
    public void act(Acting acting, String pledgeId, Object command) {
        send(acting, find(pledgeId), command);
    }

    /**
     * Sends a lifecycle command dated {@code date}, as {@link #act}; refused first (400 naming {@code field}) when
     * dated before the pledge's campaign began: a date no user means, which would also show as a point of the
     * timeline years before the campaign.
     */
    public void actDated(Acting acting, String pledgeId, Object command, String field, LocalDate date) {
        PledgeEntry pledge = find(pledgeId);
        CampaignPeriod campaign = mongo.findById(pledge.campaignId(), CampaignPeriod.class);
        if (campaign != null) {
            BusinessDates.requireNotBefore(field, date, campaign.startsOn(), "campaign " + campaign.id() + " began");
        }
        send(acting, pledge, command);
    }

    private void send(Acting acting, PledgeEntry pledge, Object command) {
        boundary.requireCovers(acting.actor(), pledge.path(), "pledge " + pledge.id());
        commands.sendAndWait(command, acting.metaData());
    }

    /** The period of a campaign, as the campaign list keeps it. */
    @Document("campaigns")
    record CampaignPeriod(@Id String id, LocalDate startsOn, LocalDate endsOn) {
    }

    public PledgeEntry find(String pledgeId) {
        PledgeEntry pledge = mongo.findById(pledgeId, PledgeEntry.class);
        if (pledge == null) {
            throw RecordNotFound.of("pledge", pledgeId);
        }
        return pledge;
    }

    private Pledger pledger(Acting acting, PledgerType type, String id, String field) {
        if (type == PledgerType.ORGANISATION) {
            OrganisationEntry organisation = active(boundary.referencedOrganisation(acting.actor(), field, id));
            return new Pledger(type, id, null, id, organisation.sector(), organisation.townshipId());
        }
        MemberEntry member = boundary.referencedMember(acting.actor(), field, id);
        if (!member.active()) {
            throw CommandRefused.conflict("Member " + id + " has left the roster");
        }
        OrganisationEntry organisation = active(boundary.organisation(acting.actor(), member.organisationId()));
        return new Pledger(type, id, member.category(), organisation.id(), organisation.sector(),
                organisation.townshipId());
    }

    private static OrganisationEntry active(OrganisationEntry organisation) {
        if (!organisation.active()) {
            throw CommandRefused.conflict("Organisation " + organisation.id() + " is deregistered");
        }
        return organisation;
    }
}
