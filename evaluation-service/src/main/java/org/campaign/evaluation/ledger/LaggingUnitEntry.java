package org.campaign.evaluation.ledger;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lagging unit as the ledger lists it. {@code lastProgress} and {@code lastFindings} are the latest progress
 * report and final-check findings; {@code failedChecks} counts the final checks it did not pass.
 * <p>
 * Indexed for the ledger of a campaign and year, in the list's order.
 */
@Document("lagging_units")
@CompoundIndex(name = "campaign_year", def = "{'campaignId': 1, 'year': 1, '_id': 1}")
public record LaggingUnitEntry(@Id String id, String assessmentId, String campaignId, int year,
                               String organisationId, String townshipId, BigDecimal total, LedgerStatus status,
                               String leaderId, List<String> measures, LocalDate dueOn, int progressReports,
                               String lastProgress, int failedChecks, String lastFindings, LocalDate clearedOn,
                               Instant listedAt, long version, Instant lastChangedAt) {
}
