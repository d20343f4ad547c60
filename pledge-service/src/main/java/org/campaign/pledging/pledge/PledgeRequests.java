package org.campaign.pledging.pledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.PublicationChannel;
import org.campaign.contracts.pledge.Target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the pledge API, validated before any command is sent. The date of a step taken (approved,
 * published, progress reported, fulfilled) may not lie after today in the district's time zone; a deadline may.
 */
final class PledgeRequests {

    private PledgeRequests() {
    }

    record PledgerRef(@NotNull PledgerType type, @NotBlank String id) {
    }

    record TargetRequest(@NotNull @Positive BigDecimal quantity, @NotBlank @Size(max = 50) String unit) {

        static Target toTarget(TargetRequest request) {
            return request == null ? null : new Target(request.quantity, request.unit.trim());
        }
    }

    record MakePledgeRequest(@NotBlank String campaignId, @NotNull @Valid PledgerRef pledger,
                             @NotNull PledgeKind kind, @NotNull PledgeFocus focus,
                             @NotBlank @Size(max = 500) String title, @Valid TargetRequest target,
                             @NotNull LocalDate deadline, boolean oral) {

        PledgeService.NewPledge toPledge(String pledgeId) {
            return new PledgeService.NewPledge(pledgeId, campaignId.trim(), pledger.type(), pledger.id().trim(),
                    kind, focus, title.trim(), TargetRequest.toTarget(target), deadline, oral);
        }
    }

    record SendBackRequest(@NotEmpty List<@NotBlank @Size(max = 1000) String> reasons) {
    }

    record ReviseRequest(@NotNull PledgeKind kind, @NotNull PledgeFocus focus,
                         @NotBlank @Size(max = 500) String title, @Valid TargetRequest target,
                         @NotNull LocalDate deadline) {
    }

    record ApproveRequest(@NotNull @PastOrPresent LocalDate approvedOn) {
    }

    record PublishRequest(@NotNull PublicationChannel channel, @NotNull @PastOrPresent LocalDate publishedOn) {
    }

    record ProgressRequest(@NotNull @PositiveOrZero BigDecimal achievedQuantity, @Size(max = 2000) String note,
                           @NotNull @PastOrPresent LocalDate reportedOn) {
    }

    record FulfilRequest(@NotNull @PastOrPresent LocalDate fulfilledOn, @NotBlank @Size(max = 2000) String evidence) {
    }

    record WithdrawRequest(@NotBlank @Size(max = 1000) String reason) {
    }
}
