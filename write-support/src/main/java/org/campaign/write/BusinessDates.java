package org.campaign.write;

import java.time.LocalDate;

/**
 * The order of a record's business dates (approved, then published or fulfilled; committed, then completed; opened,
 * then closed): a step dated before the step it follows is refused as an invalid field (400), before any event is
 * applied. Dates left out are not compared.
 */
public final class BusinessDates {

    private BusinessDates() {
    }

    /**
     * Refuses {@code date} (of {@code field}) when it is before {@code earlier}, the date on which the record
     * {@code earlierStep} (e.g. "the pledge was approved").
     */
    public static void requireNotBefore(String field, LocalDate date, LocalDate earlier, String earlierStep) {
        if (date != null && earlier != null && date.isBefore(earlier)) {
            throw new IllegalArgumentException(field + ": " + date + " is before " + earlierStep + " (" + earlier
                    + ")");
        }
    }
}
