package org.campaign.pledging.transfer;

import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaign.contracts.Actor;
import org.campaign.pledging.pledge.PledgeEntry;
import org.campaign.pledging.pledge.PledgeService;
import org.campaign.pledging.roster.AgencyBoundary;
import org.campaign.pledging.roster.MemberEntry;
import org.campaign.pledging.roster.OrganisationEntry;
import org.campaign.pledging.roster.RosterService;
import org.campaign.pledging.transfer.CsvReader.CsvFormatException;
import org.campaign.pledging.transfer.CsvReader.Record;
import org.campaign.pledging.transfer.ImportJob.RowError;
import org.campaign.pledging.transfer.ImportJob.Status;
import org.campaign.pledging.transfer.ImportRows.MemberRow;
import org.campaign.pledging.transfer.ImportRows.OrganisationRow;
import org.campaign.pledging.transfer.ImportRows.PledgeRow;
import org.campaign.pledging.transfer.ImportRows.Row;
import org.campaign.pledging.transfer.ImportRows.RowRejected;
import org.campaign.write.CommandRefused;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Acting;
import org.campaign.write.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Bulk import of organisations, members and pledges from CSV files that agencies keep as spreadsheets.
 *
 * <h2>Policy: good rows are kept, bad rows are reported</h2>
 * Each row is an independent record and is sent as its own command through the same services as the REST API,
 * so the agency boundary and every state rule apply exactly as when the record is entered by hand. A row that
 * fails is reported with its line number and the reason, and the import goes on: refusing 10,000 good rows because
 * of one typo would force the agency to key its work in again. The clerk fixes the reported rows and imports the
 * file (or just those rows) again. With {@code organisationId}, {@code memberId} and {@code pledgeId} given, this
 * is safe: rows imported before come back as duplicates (409) and nothing is recorded twice. A pledges file
 * without {@code pledgeId} gets new identifiers on every import, so importing it twice records its pledges twice.
 * Rows are applied in file order: list parent organisations before their children, and organisations before
 * their members and pledges.
 *
 * <h2>Streaming</h2>
 * The upload is written to a temporary file (under {@code java.io.tmpdir}) while the request is read, its header
 * row is checked, and the request is answered 202 with the job. The rows are then read from the file one at a
 * time by a background worker, so a file of any length needs memory for one row plus the errors kept (at most
 * {@code campaign.imports.max-errors-kept}, default 1,000). Progress is saved to the {@code imports} collection
 * at least every second; only the uploading agency and the district agency may read it.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    private static final int FLUSH_EVERY_ROWS = 500;
    private static final int MAX_UNEXPECTED_IN_A_ROW = 20;

    private final RosterService roster;
    private final PledgeService pledges;
    private final AgencyBoundary boundary;
    private final MongoTemplate mongo;
    private final ImportRows rows = new ImportRows();
    private final long maxBytes;
    private final int maxErrorsKept;
    private final Duration staleAfter;
    private final Duration keepFor;
    private final ThreadPoolExecutor workers;
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    ImportService(RosterService roster, PledgeService pledges, AgencyBoundary boundary, MongoTemplate mongo,
                  @Value("${campaign.imports.max-size:100MB}") DataSize maxSize,
                  @Value("${campaign.imports.max-errors-kept:1000}") int maxErrorsKept,
                  @Value("${campaign.imports.workers:2}") int workers,
                  @Value("${campaign.imports.queue:20}") int queue,
                  @Value("${campaign.imports.stale-after:PT10M}") Duration staleAfter,
                  @Value("${campaign.imports.keep-for:P90D}") Duration keepFor) {
        this.roster = roster;
        this.pledges = pledges;
        this.boundary = boundary;
        this.mongo = mongo;
        this.maxBytes = maxSize.toBytes();
        this.maxErrorsKept = maxErrorsKept;
        this.staleAfter = staleAfter;
        this.keepFor = keepFor;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, "csv-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Receives a file: writes {@code body} to a temporary file, checks its header row and starts reading its rows
     * in the background. Refused with 400 (empty file, header lacking columns, not decodable), 413 (too large) or
     * 503 (too many imports waiting) before any row is read.
     */
    public ImportJob start(ImportKind kind, Acting acting, InputStream body, Charset charset) throws IOException {
        Path file = Files.createTempFile("campaign-import-", ".csv");
        try {
            long bytes = spool(body, file);
            CsvHeader header = checkHeader(kind, file, charset);
            Instant now = Instant.now();
            String id = UUID.randomUUID().toString();
            ImportJob job = new ImportJob(id, kind, Status.RUNNING, acting.actor().agencyId(),
                    acting.actor().userId(), charset.name(), bytes, now, now, null, 0, 0, 0, 0, 1, List.of(), 0,
                    null);
            mongo.insert(job);
            Acting asActing = acting.correlationId() == null || acting.correlationId().isBlank()
                    ? new Acting(acting.caller(), "import-" + id) : acting;
            live.add(id);
            try {
                workers.execute(() -> run(job, header, asActing, file));
            } catch (RejectedExecutionException e) {
                live.remove(id);
                mongo.remove(Query.query(where("_id").is(id)), ImportJob.class);
                throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many imports are waiting; try again in a few "
                        + "minutes");
            }
            log.info("Import {} of {} ({} bytes) started by {} of {}", id, kind.path(), bytes,
                    acting.actor().userId(), acting.actor().agencyId());
            return job;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The job, if the actor's agency started it or the actor is the district agency; 404 or 403 otherwise. */
    public ImportJob find(Actor actor, String jobId) {
        ImportJob job = mongo.findById(jobId, ImportJob.class);
        if (job == null) {
            throw problem(HttpStatus.NOT_FOUND, "No import " + jobId);
        }
        if (!job.agencyId().equals(actor.agencyId()) && !boundary.isDistrict(actor)) {
            throw CommandRefused.forbidden("Agency " + actor.agencyId() + " may not read import " + jobId
                    + ": another agency started it");
        }
        return current(job);
    }

    /**
     * The imports the actor's agency started (every agency's for the district agency), newest first: a clerk who
     * closed the page while a file was being read finds its job again.
     */
    public Page<ImportJob.Summary> list(Actor actor, int page, int size) {
        Query query = boundary.isDistrict(actor) ? new Query() : Query.query(where("agencyId").is(actor.agencyId()));
        // A job keeps up to campaign.imports.max-errors-kept rejected rows: the list leaves them to the job itself.
        query.fields().exclude("errors");
        Page<ImportJob> found = Page.of(mongo, query, Sort.by(Sort.Direction.DESC, "createdAt", "_id"), page, size,
                Page.MAX_SIZE, ImportJob.class);
        return new Page<>(found.items().stream().map(job -> current(job).summary()).toList(), found.page(),
                found.size(), found.total());
    }

    /**
     * The job as it stands: one still marked running that no worker here reads and that went silent has failed.
     * The failure is recorded field by field, so that a job read without its errors keeps them, and only if the job
     * has not moved since it was read (a worker of another instance may have read on, or finished it).
     */
    private ImportJob current(ImportJob job) {
        if (job.status() == Status.RUNNING && !live.contains(job.id())
                && job.updatedAt().isBefore(Instant.now().minus(staleAfter))) {
            ImportJob stale = job.failed(stoppedAfter(job.lastLine()), Instant.now());
            boolean failed = mongo.updateFirst(Query.query(where("_id").is(job.id()).and("status")
                            .is(Status.RUNNING).and("updatedAt").is(job.updatedAt())),
                    Update.update("status", stale.status()).set("updatedAt", stale.updatedAt())
                            .set("finishedAt", stale.finishedAt()).set("failure", stale.failure()),
                    ImportJob.class).getModifiedCount() > 0;
            if (failed) {
                return stale;
            }
            ImportJob moved = mongo.findById(job.id(), ImportJob.class);
            return moved != null ? moved : job;
        }
        return job;
    }

    /**
     * Forgets the imports last changed more than {@code campaign.imports.keep-for} ago (default 90 days): their
     * rows were recorded or reported long since, and the reports would otherwise pile up for ever.
     */
    @Scheduled(initialDelayString = "${campaign.imports.cleanup-interval:PT1H}",
            fixedDelayString = "${campaign.imports.cleanup-interval:PT1H}")
    public void forgetOld() {
        long forgotten = mongo.remove(Query.query(where("updatedAt").lt(Instant.now().minus(keepFor))),
                ImportJob.class).getDeletedCount();
        if (forgotten > 0) {
            log.info("Forgot {} imports last changed more than {} ago", forgotten, keepFor);
        }
    }

    private long spool(InputStream body, Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[65_536];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw problem(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than "
                            + DataSize.ofBytes(maxBytes).toMegabytes() + " MB; split it into smaller files");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private CsvHeader checkHeader(ImportKind kind, Path file, Charset charset) throws IOException {
        try (CsvReader reader = CsvReader.of(Files.newInputStream(file), charset,
                CsvReader.DEFAULT_MAX_RECORD_CHARS)) {
            Record first = reader.next();
            if (first == null || first.isBlank()) {
                throw headerProblem("The file is empty: its first line must be the header row naming the "
                        + "columns " + String.join(",", kind.columns()), kind.required());
            }
            CsvHeader header;
            try {
                header = CsvHeader.of(kind, first.fields());
            } catch (CsvHeader.HeaderException e) {
                throw headerProblem(e.getMessage(), e.missing());
            }
            Record row;
            do {
                row = reader.next();
            } while (row != null && row.isBlank());
            if (row == null) {
                throw problem(HttpStatus.BAD_REQUEST, "The file has a header row but no rows");
            }
            return header;
        } catch (CharacterCodingException e) {
            throw problem(HttpStatus.BAD_REQUEST, notDecodable(charset));
        } catch (CsvFormatException e) {
            throw problem(HttpStatus.BAD_REQUEST, "The file is not valid CSV: " + e.getMessage());
        }
    }

    private static ErrorResponseException headerProblem(String detail, List<String> missing) {
        ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.getBody().setTitle("Invalid CSV header");
        problem.getBody().setProperty("missingColumns", missing);
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String notDecodable(Charset charset) {
        return "The file is not valid " + charset.name() + " text. Save it as \"CSV UTF-8\", or send it with "
                + "its charset, e.g. Content-Type: text/csv; charset=GB18030";
    }

    private static String stoppedAfter(long line) {
        return "The import stopped before the end of the file (the service was stopped); rows up to line " + line
                + " were read. Import the file again: rows already imported come back as duplicates if they "
                + "give their id";
    }

    /** Reads the rows of {@code file} one by one, sending each through its service and saving progress. */
    private void run(ImportJob started, CsvHeader header, Acting acting, Path file) {
        Progress progress = new Progress(started);
        try (CsvReader reader = CsvReader.of(Files.newInputStream(file), Charset.forName(started.charset()),
                CsvReader.DEFAULT_MAX_RECORD_CHARS)) {
            reader.next();
            int unexpectedInARow = 0;
            Record record;
            while ((record = reader.next()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    progress.fail(stoppedAfter(progress.lastLine));
                    return;
                }
                if (record.isBlank()) {
                    continue;
                }
                progress.lastLine = record.line();
                progress.rowsRead++;
                try {
                    apply(acting, rows.parse(header, record));
                    progress.accepted++;
                    unexpectedInARow = 0;
                } catch (RuntimeException e) {
                    Outcome outcome = outcome(e);
                    progress.reject(record.line(), outcome);
                    if (outcome.status() >= 500) {
                        log.warn("Import {}: line {} failed unexpectedly", started.id(), record.line(), e);
                        if (++unexpectedInARow >= MAX_UNEXPECTED_IN_A_ROW) {
                            progress.fail("The import stopped at line " + record.line() + " after "
                                    + MAX_UNEXPECTED_IN_A_ROW + " rows in a row failed unexpectedly; the last "
                                    + "error was: " + outcome.reason());
                            return;
                        }
                    } else {
                        unexpectedInARow = 0;
                    }
                }
                progress.saveIfDue();
            }
            progress.done();
        } catch (CharacterCodingException e) {
            progress.fail("Reading stopped after line " + progress.lastLine + ": "
                    + notDecodable(Charset.forName(started.charset())));
        } catch (CsvFormatException e) {
            progress.fail("The file is not valid CSV from " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Import {} failed", started.id(), e);
            progress.fail("The import stopped after line " + progress.lastLine + ": " + e);
        } finally {
            live.remove(started.id());
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}", file, e);
            }
        }
    }

    private void apply(Acting acting, Row row) {
        if (row instanceof OrganisationRow organisation) {
            requireNew(OrganisationEntry.class, "Organisation", row.id());
            roster.register(acting, organisation.registration());
        } else if (row instanceof MemberRow member) {
            requireNew(MemberEntry.class, "Member", row.id());
            roster.enrol(acting, member.memberId(), member.name(), member.organisationId(), member.category());
        } else if (row instanceof PledgeRow pledge) {
            requireNew(PledgeEntry.class, "Pledge", row.id());
            pledges.make(acting, pledge.pledge(), "pledgerId");
        }
    }

    private void requireNew(Class<?> type, String what, String id) {
        if (mongo.exists(Query.query(where("_id").is(id)), type)) {
            throw new Duplicate(what + " " + id + " already exists; the row was not imported again");
        }
    }

    /** The row's record exists already. */
    private static class Duplicate extends RuntimeException {

        Duplicate(String message) {
            super(message);
        }
    }

    /** How a rejected row is reported. */
    record Outcome(int status, String reason, boolean duplicate) {
    }

    /** The status and reason the REST API would have answered with for the same request. */
    static Outcome outcome(Throwable failure) {
        Throwable e = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (e instanceof Duplicate) {
            return new Outcome(409, e.getMessage(), true);
        }
        if (e instanceof RowRejected || e instanceof IllegalArgumentException) {
            return new Outcome(400, e.getMessage(), false);
        }
        if (e instanceof CommandRefused refused) {
            return new Outcome(refused.status().value(), refused.getMessage(), false);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return new Outcome(404, RecordNotFound.detail(notFound), false);
        }
        if (e instanceof AggregateStreamCreationException) {
            return new Outcome(409, "The record already exists; the row was not imported again", true);
        }
        if (e instanceof ConcurrencyException) {
            return new Outcome(409, "The record was changed by someone else at the same time; import the row "
                    + "again", false);
        }
        return new Outcome(500, "Unexpected error: " + e, false);
    }

    /** The worker's view of a job: counts and errors, saved to the collection now and then. */
    private final class Progress {

        private final ImportJob started;
        private final List<RowError> errors = new ArrayList<>();
        private long rowsRead;
        private long accepted;
        private long rejected;
        private long duplicates;
        private long errorsNotKept;
        private long lastLine = 1;
        private long rowsAtLastSave;
        private Instant lastSave = Instant.now();

        Progress(ImportJob started) {
            this.started = started;
        }

        void reject(long line, Outcome outcome) {
            rejected++;
            if (outcome.duplicate()) {
                duplicates++;
            }
            if (errors.size() < maxErrorsKept) {
                errors.add(new RowError(line, outcome.status(), outcome.reason()));
            } else {
                errorsNotKept++;
            }
        }

        void saveIfDue() {
            Instant now = Instant.now();
            if (rowsRead - rowsAtLastSave >= FLUSH_EVERY_ROWS
                    || Duration.between(lastSave, now).compareTo(FLUSH_INTERVAL) >= 0) {
                save(Status.RUNNING, null, null, now);
            }
        }

        void done() {
            Instant now = Instant.now();
            save(Status.DONE, null, now, now);
            log.info("Import {} of {} done: {} rows, {} accepted, {} rejected ({} duplicates)", started.id(),
                    started.kind().path(), rowsRead, accepted, rejected, duplicates);
        }

        void fail(String reason) {
            Instant now = Instant.now();
            save(Status.FAILED, reason, now, now);
            log.warn("Import {} of {} failed after {} rows: {}", started.id(), started.kind().path(), rowsRead,
                    reason);
        }

        private void save(Status status, String failure, Instant finishedAt, Instant now) {
            try {
                mongo.save(new ImportJob(started.id(), started.kind(), status, started.agencyId(),
                        started.userId(), started.charset(), started.bytes(), started.createdAt(), now, finishedAt,
                        rowsRead, accepted, rejected, duplicates, lastLine, List.copyOf(errors), errorsNotKept,
                        failure));
            } catch (RuntimeException e) {
                log.warn("Could not save the progress of import {}", started.id(), e);
            }
            rowsAtLastSave = rowsRead;
            lastSave = now;
        }
    }

    /** Stops the workers; imports still running or waiting are recorded as stopped, with the line reached. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        for (String id : live) {
            try {
                ImportJob job = mongo.findById(id, ImportJob.class);
                if (job != null && job.status() == Status.RUNNING) {
                    mongo.save(job.failed(stoppedAfter(job.lastLine()), Instant.now()));
                }
            } catch (RuntimeException e) {
                log.warn("Could not record that import {} stopped", id, e);
            }
        }
    }
}
