package org.campaign.pledging.roster;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.MemberLeft;
import org.campaign.contracts.roster.MemberTransferred;
import org.campaign.pledging.roster.RosterCommands.EnrolMember;
import org.campaign.pledging.roster.RosterCommands.RemoveMember;
import org.campaign.pledging.roster.RosterCommands.TransferMember;
import org.campaign.write.CommandRefused;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A party member (党员) on an organisation's roster. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private String memberId;
    private String organisationId;
    private boolean enrolled;
    private boolean left;

    protected Member() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnrolMember command) {
        if (enrolled) {
            throw CommandRefused.conflict(left
                    ? "Member " + command.memberId() + " was enrolled before and has left the roster; a member who "
                    + "returns is enrolled under a new id"
                    : "Member " + command.memberId() + " is already enrolled");
        }
        apply(new MemberEnrolled(command.memberId(), command.organisationId(), command.category()));
        apply(new MemberNameRecorded(command.memberId(), command.name()));
    }

    @CommandHandler
    void handle(TransferMember command) {
        requireOnRoster();
        if (command.toOrganisationId().equals(organisationId)) {
            throw CommandRefused.conflict("Member " + memberId + " already belongs to " + organisationId);
        }
        apply(new MemberTransferred(memberId, organisationId, command.toOrganisationId()));
    }

    @CommandHandler
    void handle(RemoveMember command) {
        requireOnRoster();
        apply(new MemberLeft(memberId, organisationId, command.reason()));
    }

    private void requireOnRoster() {
        if (left) {
            throw CommandRefused.conflict("Member " + memberId + " has left the roster");
        }
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        memberId = event.memberId();
        organisationId = event.organisationId();
        enrolled = true;
    }

    @EventSourcingHandler
    void on(MemberTransferred event) {
        organisationId = event.toOrganisationId();
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        left = true;
    }
}
