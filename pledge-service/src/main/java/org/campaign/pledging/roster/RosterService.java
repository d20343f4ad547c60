package org.campaign.pledging.roster;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;
import org.campaign.pledging.roster.RosterCommands.DeregisterOrganisation;
import org.campaign.pledging.roster.RosterCommands.EnrolMember;
import org.campaign.pledging.roster.RosterCommands.MoveOrganisation;
import org.campaign.pledging.roster.RosterCommands.RegisterOrganisation;
import org.campaign.pledging.roster.RosterCommands.RemoveMember;
import org.campaign.pledging.roster.RosterCommands.RenameOrganisation;
import org.campaign.pledging.roster.RosterCommands.TransferMember;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Changes to the roster, each checked against the acting agency's boundary before its command is sent. A change
 * that takes someone in under an organisation, and the organisation's deregistration, check and send while holding
 * the organisation's lock ({@link OrganisationLocks}): nobody joins an organisation that is being deregistered.
 */
@Service
public class RosterService {

    /** What registering an organisation needs; {@code agency} makes it the root of a new agency's subtree. */
    public record Registration(String organisationId, String name, OrganisationKind kind, Sector sector,
                               String parentId, String townshipId, boolean agency) {
    }

    private final CommandGateway commands;
    private final AgencyBoundary boundary;
    private final OrganisationLocks locks;
    private final MongoTemplate mongo;

    RosterService(CommandGateway commands, AgencyBoundary boundary, OrganisationLocks locks, MongoTemplate mongo) {
        this.commands = commands;
        this.boundary = boundary;
        this.locks = locks;
        this.mongo = mongo;
    }

    /** Registers an organisation, under its parent while nothing else changes whether the parent takes it in. */
    public void register(Acting acting, Registration registration) {
        String parentId = registration.parentId();
        locks.holding(parentId != null ? parentId : registration.organisationId(),
                () -> registerHolding(acting, registration));
    }

    private void registerHolding(Acting acting, Registration registration) {
        List<String> path = new ArrayList<>();
        String agencyId = registration.organisationId();
        String townshipId = registration.townshipId();
        if (registration.parentId() == null) {
            boundary.requireDistrict(acting.actor(), "register a top-level organisation");
            townshipId = topLevelTownship(registration.organisationId(), townshipId);
        } else {
            if (registration.agency()) {
                // An agency is a township or department committee that the district office puts in charge.
                boundary.requireDistrict(acting.actor(), "register an agency");
            }
            OrganisationEntry parent = boundary.referencedOrganisation(acting.actor(), "parentId",
                    registration.parentId());
            requireActive(parent);
            path.addAll(parent.path());
            agencyId = registration.agency() ? registration.organisationId() : parent.agencyId();
            townshipId = townshipUnder(parent, registration.organisationId(), townshipId);
        }
        path.add(registration.organisationId());
        commands.sendAndWait(new RegisterOrganisation(registration.organisationId(), registration.name(),
                registration.kind(), registration.sector(), registration.parentId(), townshipId,
                agencyId, List.copyOf(path)), acting.metaData());
    }

    /**
     * The township of an organisation under {@code parent}: the parent's, or its own id when it heads a township
     * (or a department) of its own. A stated township must be one of the two; none stated means the parent's.
     */
    private static String townshipUnder(OrganisationEntry parent, String organisationId, String stated) {
        if (stated == null || stated.equals(parent.townshipId()) || stated.equals(organisationId)) {
            return stated == null ? parent.townshipId() : stated;
        }
        throw new IllegalArgumentException("townshipId: an organisation under " + parent.id() + " belongs to its "
                + "township " + parent.townshipId() + ", or heads a township of its own (" + organisationId
                + "), not " + stated);
    }

    /** A top-level organisation heads a township of its own: its own id (also when none is stated). */
    private static String topLevelTownship(String organisationId, String stated) {
        if (stated == null || stated.equals(organisationId)) {
            return organisationId;
        }
        throw new IllegalArgumentException("townshipId: a top-level organisation heads a township of its own ("
                + organisationId + "), not " + stated);
    }

    public void move(Acting acting, String organisationId, String newParentId, String townshipId) {
        locks.holding(newParentId, () -> moveHolding(acting, organisationId, newParentId, townshipId));
    }

    private void moveHolding(Acting acting, String organisationId, String newParentId, String townshipId) {
        OrganisationEntry organisation = boundary.organisation(acting.actor(), organisationId);
        OrganisationEntry parent = boundary.referencedOrganisation(acting.actor(), "parentId", newParentId);
        requireActive(parent);
        if (parent.path().contains(organisationId)) {
            throw CommandRefused.conflict("Organisation " + organisationId + " cannot move under its own "
                    + "subtree (" + newParentId + ")");
        }
        List<String> path = new ArrayList<>(parent.path());
        path.add(organisationId);
        String agencyId = organisation.agencyId().equals(organisationId) ? organisationId : parent.agencyId();
        // It joins its new parent's township, unless it heads one of its own, and its subtree follows it.
        String stated = townshipId != null ? townshipId
                : organisation.townshipId().equals(organisationId) ? organisationId : null;
        commands.sendAndWait(new MoveOrganisation(organisationId, newParentId,
                townshipUnder(parent, organisationId, stated), agencyId, List.copyOf(path)), acting.metaData());
    }

    public void rename(Acting acting, String organisationId, String name) {
        boundary.organisation(acting.actor(), organisationId);
        commands.sendAndWait(new RenameOrganisation(organisationId, name), acting.metaData());
    }

    /**
     * Deregisters an organisation that no longer has anyone on the roster: its members are transferred or removed,
     * its sub-organisations moved or deregistered first (409 otherwise, naming how many are left).
     */
    public void deregister(Acting acting, String organisationId, String reason) {
        locks.holding(organisationId, () -> deregisterHolding(acting, organisationId, reason));
    }

    private void deregisterHolding(Acting acting, String organisationId, String reason) {
        OrganisationEntry organisation = boundary.organisation(acting.actor(), organisationId);
        if (organisation.active()) {
            long members = mongo.count(Query.query(where("organisationId").is(organisationId).and("active").is(true)),
                    MemberEntry.class);
            long below = mongo.count(Query.query(where("parentId").is(organisationId).and("active").is(true)),
                    OrganisationEntry.class);
            if (members > 0 || below > 0) {
                throw CommandRefused.conflict("Organisation " + organisationId + " still has " + members
                        + " member(s) and " + below + " sub-organisation(s) on the roster: transfer or remove the "
                        + "members and move or deregister the sub-organisations first");
            }
        }
        commands.sendAndWait(new DeregisterOrganisation(organisationId, reason), acting.metaData());
    }

    public void enrol(Acting acting, String memberId, String name, String organisationId,
                      MemberCategory category) {
        locks.holding(organisationId, () -> {
            requireActive(boundary.referencedOrganisation(acting.actor(), "organisationId", organisationId));
            commands.sendAndWait(new EnrolMember(memberId, name, organisationId, category), acting.metaData());
        });
    }

    public void transfer(Acting acting, String memberId, String toOrganisationId) {
        boundary.member(acting.actor(), memberId);
        locks.holding(toOrganisationId, () -> {
            requireActive(boundary.referencedOrganisation(acting.actor(), "toOrganisationId", toOrganisationId));
            commands.sendAndWait(new TransferMember(memberId, toOrganisationId), acting.metaData());
        });
    }

    public void remove(Acting acting, String memberId, String reason) {
        boundary.member(acting.actor(), memberId);
        commands.sendAndWait(new RemoveMember(memberId, reason), acting.metaData());
    }

    private static void requireActive(OrganisationEntry organisation) {
        if (!organisation.active()) {
            throw CommandRefused.conflict("Organisation " + organisation.id() + " is deregistered");
        }
    }
}
