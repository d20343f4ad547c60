package org.campaign.contracts.pledge;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;

/** The deadline of a pledge passed before it was fulfilled; raised by the pledge service itself. */
@EventContract(revision = "1")
public record PledgeLapsed(String pledgeId, LocalDate deadline) {
}
