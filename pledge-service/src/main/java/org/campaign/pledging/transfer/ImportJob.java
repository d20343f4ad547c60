package org.campaign.pledging.transfer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An import as its uploader follows it, kept in the {@code imports} collection so that results stay readable after
 * a restart. {@code rowsRead} counts data rows (not the header, not blank rows); every row read is either accepted
 * or rejected, and {@code duplicates} counts the rejected rows whose record already existed. {@code lastLine} is
 * the line of the last row read. At most a fixed number of errors is kept ({@code errors}, in file order);
 * {@code errorsNotKept} counts the rest.
 * <p>
 * Indexed for an agency's imports, newest first; the clean-up of old ones by their last change.
 */
@Document("imports")
@CompoundIndex(name = "agency_created", def = "{'agencyId': 1, 'createdAt': -1, '_id': -1}")
@CompoundIndex(name = "updated", def = "{'updatedAt': 1}")
public record ImportJob(@Id String id, ImportKind kind, Status status, String agencyId, String userId,
                        String charset, long bytes, Instant createdAt, Instant updatedAt, Instant finishedAt,
                        long rowsRead, long accepted, long rejected, long duplicates, long lastLine,
                        List<RowError> errors, long errorsNotKept, String failure) {

    public enum Status {
        /** Accepted and being read (or waiting for a free worker). */
        RUNNING,
        /** Every row was read; rejected rows are listed in the errors. */
        DONE,
        /** Reading stopped early, see {@code failure}; rows accepted before stay accepted. */
        FAILED
    }

    /**
     * A rejected row: its line in the file (the header is line 1), the HTTP status the same request would have
     * received from the API (400 invalid, an unknown reference among them; 403 another agency's; 409 duplicate or
     * not allowed in the current state), and the reason.
     */
    public record RowError(long line, int status, String reason) {
    }

    /** An import as the list of imports shows it: the job without its rejected rows. */
    public record Summary(String id, ImportKind kind, Status status, String agencyId, String userId, String charset,
                          long bytes, Instant createdAt, Instant updatedAt, Instant finishedAt, long rowsRead,
                          long accepted, long rejected, long duplicates, long lastLine, long errorsNotKept,
                          String failure) {
    }

    Summary summary() {
        return new Summary(id, kind, status, agencyId, userId, charset, bytes, createdAt, updatedAt, finishedAt,
                rowsRead, accepted, rejected, duplicates, lastLine, errorsNotKept, failure);
    }

    ImportJob failed(String reason, Instant now) {
        return new ImportJob(id, kind, Status.FAILED, agencyId, userId, charset, bytes, createdAt, now, now,
                rowsRead, accepted, rejected, duplicates, lastLine, errors, errorsNotKept, reason);
    }
}
