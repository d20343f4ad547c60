package org.campaign.pledging.roster;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;

import java.util.List;

/** Commands on organisations and members; places in the tree are resolved by {@link RosterService} first. */
public final class RosterCommands {

    private RosterCommands() {
    }

    public record RegisterOrganisation(@TargetAggregateIdentifier String organisationId, String name,
                                       OrganisationKind kind, Sector sector, String parentId, String townshipId,
                                       String agencyId, List<String> path) {
    }

    public record MoveOrganisation(@TargetAggregateIdentifier String organisationId, String parentId,
                                   String townshipId, String agencyId, List<String> path) {
    }

    public record RenameOrganisation(@TargetAggregateIdentifier String organisationId, String name) {
    }

    public record DeregisterOrganisation(@TargetAggregateIdentifier String organisationId, String reason) {
    }

    public record EnrolMember(@TargetAggregateIdentifier String memberId, String name, String organisationId,
                              MemberCategory category) {
    }

    public record TransferMember(@TargetAggregateIdentifier String memberId, String toOrganisationId) {
    }

    public record RemoveMember(@TargetAggregateIdentifier String memberId, String reason) {
    }
}
