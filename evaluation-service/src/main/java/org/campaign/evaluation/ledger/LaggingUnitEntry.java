package org.campaign.evaluation.ledger;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lagging unit as the ledger lists it. {@code lastProgress} and {@code lastFindings} are the latest progress
 * report and final-check findings; {@code failedChecks} counts the final checks it did not pass.
 */
@Document("lagging_units")
public record LaggingUnitEntry(@Id String id, String assessmentId, String campaignId, int year,
                               String organisationId, String townshipId, BigDecimal total, LedgerStatus status,
                               String leaderId, List<String> measures, LocalDate dueOn, int progressReports,
                               String lastProgress, int failedChecks, String lastFindings, LocalDate clearedOn,
                               Instant listedAt, long version, Instant lastChangedAt) {
}
