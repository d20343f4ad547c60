package org.campaign.pledging.pledge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PublicationChannel;
import org.campaign.contracts.pledge.Target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands of a pledge's lifecycle. {@code expectedVersion}, when given, is the version the sender last saw;
 * if someone else changed the pledge since, the command is refused as a concurrent change.
 */
public final class PledgeCommands {

    private PledgeCommands() {
    }

    public record MakePledge(@TargetAggregateIdentifier String pledgeId, String campaignId, Pledger pledger,
                             PledgeKind kind, PledgeFocus focus, String title, Target target, LocalDate deadline,
                             boolean oral) {
    }

    public record SendBackPledge(@TargetAggregateIdentifier String pledgeId, List<String> reasons,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    public record RevisePledge(@TargetAggregateIdentifier String pledgeId, PledgeKind kind, PledgeFocus focus,
                               String title, Target target, LocalDate deadline,
                               @TargetAggregateVersion Long expectedVersion) {
    }

    public record ApprovePledge(@TargetAggregateIdentifier String pledgeId, LocalDate approvedOn,
                                @TargetAggregateVersion Long expectedVersion) {
    }

    public record PublishPledge(@TargetAggregateIdentifier String pledgeId, PublicationChannel channel,
                                LocalDate publishedOn, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReportProgress(@TargetAggregateIdentifier String pledgeId, BigDecimal achievedQuantity,
                                 String note, LocalDate reportedOn, @TargetAggregateVersion Long expectedVersion) {
    }

    public record FulfilPledge(@TargetAggregateIdentifier String pledgeId, LocalDate fulfilledOn, String evidence,
                               @TargetAggregateVersion Long expectedVersion) {
    }

    public record WithdrawPledge(@TargetAggregateIdentifier String pledgeId, String reason,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    /** Sent by the service itself when a pledge's deadline has passed; {@code today} is the district's date. */
    public record LapsePledge(@TargetAggregateIdentifier String pledgeId, LocalDate today) {
    }
}
