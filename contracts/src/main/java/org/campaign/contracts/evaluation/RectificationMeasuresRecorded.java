package org.campaign.contracts.evaluation;

import org.campaign.contracts.EventContract;

import java.time.LocalDate;
import java.util.List;

/** The measures by which a lagging unit is to be rectified, and the date by which they are due. */
@EventContract(revision = "1")
public record RectificationMeasuresRecorded(String ledgerId, List<String> measures, LocalDate dueOn) {
}
