package org.campaign.pledging.pledge;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaign.contracts.pledge.PledgeApproved;
import org.campaign.contracts.pledge.PledgeFulfilled;
import org.campaign.contracts.pledge.PledgeLapsed;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.PledgeProgressReported;
import org.campaign.contracts.pledge.PledgePublished;
import org.campaign.contracts.pledge.PledgeRevised;
import org.campaign.contracts.pledge.PledgeSentBack;
import org.campaign.contracts.pledge.PledgeWithdrawn;
import org.campaign.pledging.pledge.PledgeCommands.ApprovePledge;
import org.campaign.pledging.pledge.PledgeCommands.FulfilPledge;
import org.campaign.pledging.pledge.PledgeCommands.LapsePledge;
import org.campaign.pledging.pledge.PledgeCommands.MakePledge;
import org.campaign.pledging.pledge.PledgeCommands.PublishPledge;
import org.campaign.pledging.pledge.PledgeCommands.ReportProgress;
import org.campaign.pledging.pledge.PledgeCommands.RevisePledge;
import org.campaign.pledging.pledge.PledgeCommands.SendBackPledge;
import org.campaign.pledging.pledge.PledgeCommands.WithdrawPledge;
import org.campaign.write.CommandRefused;

import java.time.LocalDate;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.campaign.pledging.pledge.PledgeStatus.APPROVED;
import static org.campaign.pledging.pledge.PledgeStatus.AWAITING_REVIEW;
import static org.campaign.pledging.pledge.PledgeStatus.IN_FORCE;
import static org.campaign.pledging.pledge.PledgeStatus.SENT_BACK;
import static org.campaign.write.BusinessDates.requireNotBefore;

/**
 * One public pledge, event-sourced. Each command checks that the pledge's state allows it and refuses with the
 * reason otherwise, before any event is applied.
 */
@Aggregate
public class Pledge {

    @AggregateIdentifier
    private String pledgeId;
    private PledgeStatus status;
    private LocalDate deadline;
    private LocalDate approvedOn;

    protected Pledge() {
        // for event sourcing
    }

    @CommandHandler
    public Pledge(MakePledge command) {
        apply(new PledgeMade(command.pledgeId(), command.campaignId(), command.pledger(), command.kind(),
                command.focus(), command.title(), command.target(), command.deadline(), command.oral()));
    }

    @CommandHandler
    void handle(SendBackPledge command) {
        require(AWAITING_REVIEW, "send it back for revision");
        apply(new PledgeSentBack(pledgeId, command.reasons()));
    }

    @CommandHandler
    void handle(RevisePledge command) {
        require(Set.of(SENT_BACK), "revise it");
        apply(new PledgeRevised(pledgeId, command.kind(), command.focus(), command.title(), command.target(),
                command.deadline()));
    }

    @CommandHandler
    void handle(ApprovePledge command) {
        require(AWAITING_REVIEW, "approve it");
        apply(new PledgeApproved(pledgeId, command.approvedOn()));
    }

    @CommandHandler
    void handle(PublishPledge command) {
        require(Set.of(APPROVED), "publish it");
        requireNotBefore("publishedOn", command.publishedOn(), approvedOn, "the pledge was approved");
        apply(new PledgePublished(pledgeId, command.channel(), command.publishedOn()));
    }

    @CommandHandler
    void handle(ReportProgress command) {
        require(IN_FORCE, "report progress on it");
        requireNotBefore("reportedOn", command.reportedOn(), approvedOn, "the pledge was approved");
        apply(new PledgeProgressReported(pledgeId, command.achievedQuantity(), command.note(),
                command.reportedOn()));
    }

    @CommandHandler
    void handle(FulfilPledge command) {
        require(IN_FORCE, "fulfil it");
        requireNotBefore("fulfilledOn", command.fulfilledOn(), approvedOn, "the pledge was approved");
        apply(new PledgeFulfilled(pledgeId, command.fulfilledOn(), command.evidence()));
    }

    @CommandHandler
    void handle(WithdrawPledge command) {
        if (status.isClosed()) {
            throw refusal("withdraw it");
        }
        apply(new PledgeWithdrawn(pledgeId, command.reason()));
    }

    /** Lapses the pledge if its deadline has passed and it is still open; otherwise does nothing. */
    @CommandHandler
    void handle(LapsePledge command) {
        if (!status.isClosed() && command.today().isAfter(deadline)) {
            apply(new PledgeLapsed(pledgeId, deadline));
        }
    }

    private void require(Set<PledgeStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            boolean awaitingApproval = AWAITING_REVIEW.contains(status) && allowed.contains(APPROVED);
            throw refusal(action + (awaitingApproval ? " before the superior has approved it" : ""));
        }
    }

    private CommandRefused refusal(String action) {
        return CommandRefused.conflict("Pledge " + pledgeId + " is " + describe(status) + ", so you cannot "
                + action);
    }

    private static String describe(PledgeStatus status) {
        return switch (status) {
            case MADE -> "awaiting the superior's review";
            case SENT_BACK -> "sent back for revision";
            case REVISED -> "revised and awaiting the superior's review";
            case APPROVED -> "approved";
            case PUBLISHED -> "published";
            case FULFILLED -> "already fulfilled";
            case LAPSED -> "lapsed (its deadline passed)";
            case WITHDRAWN -> "withdrawn";
        };
    }

    @EventSourcingHandler
    void on(PledgeMade event) {
        pledgeId = event.pledgeId();
        deadline = event.deadline();
        status = PledgeStatus.MADE;
    }

    @EventSourcingHandler
    void on(PledgeSentBack event) {
        status = PledgeStatus.SENT_BACK;
    }

    @EventSourcingHandler
    void on(PledgeRevised event) {
        deadline = event.deadline();
        status = PledgeStatus.REVISED;
    }

    @EventSourcingHandler
    void on(PledgeApproved event) {
        status = PledgeStatus.APPROVED;
        approvedOn = event.approvedOn();
    }

    @EventSourcingHandler
    void on(PledgePublished event) {
        status = PledgeStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PledgeFulfilled event) {
        status = PledgeStatus.FULFILLED;
    }

    @EventSourcingHandler
    void on(PledgeLapsed event) {
        status = PledgeStatus.LAPSED;
    }

    @EventSourcingHandler
    void on(PledgeWithdrawn event) {
        status = PledgeStatus.WITHDRAWN;
    }
}
