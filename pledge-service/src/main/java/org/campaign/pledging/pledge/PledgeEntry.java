package org.campaign.pledging.pledge;

import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.pledge.Target;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pledge as agencies list it: current content and status, with the path of the pledger's organisation so that
 * each agency sees exactly its own subtree. {@code version} is the sequence of the pledge's last event.
 * <p>
 * Indexed for an agency's pledges (by path) and the district's, in the lists' order; the daily lapse run finds the
 * overdue ones by deadline; the pledges of an organisation are found when they follow it ({@link PledgePaths}).
 */
@Document("pledges")
@CompoundIndex(name = "path_deadline", def = "{'path': 1, 'deadline': 1, '_id': 1}")
@CompoundIndex(name = "deadline", def = "{'deadline': 1, '_id': 1}")
@CompoundIndex(name = "organisation", def = "{'organisationId': 1}")
public record PledgeEntry(@Id String id, String campaignId, PledgerType pledgerType, String pledgerId,
                          MemberCategory memberCategory, String organisationId, List<String> path, Sector sector,
                          String townshipId, PledgeKind kind, PledgeFocus focus, String title, Target target,
                          LocalDate deadline, boolean oral, PledgeStatus status, BigDecimal achievedQuantity,
                          long version, Instant lastChangedAt) {
}
