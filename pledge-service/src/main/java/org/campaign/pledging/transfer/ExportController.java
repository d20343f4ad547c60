package org.campaign.pledging.transfer;

import org.campaign.contracts.Actor;
import org.campaign.pledging.pledge.PledgeEntry;
import org.campaign.pledging.pledge.PledgeQueries;
import org.campaign.write.web.Acting;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * CSV export of an agency's pledges: {@code GET /api/exports/pledges.csv} takes the filters of
 * {@code GET /api/pledges} (status, kind, campaignId, organisationId, overdue) and streams every matching pledge of
 * the acting agency's subtree (everything for the district agency) straight from the database cursor, in UTF-8
 * with a byte-order mark so that spreadsheet programs show the Chinese text correctly. The first eleven columns
 * are those of the pledge import, so an export can be corrected and imported again (its rows come back as
 * duplicates); the others show where each pledge stands.
 */
@RestController
class ExportController {

    static final List<String> PLEDGE_COLUMNS = List.of("pledgeId", "campaignId", "pledgerType", "pledgerId",
            "kind", "focus", "title", "targetQuantity", "targetUnit", "deadline", "oral", "status",
            "achievedQuantity", "organisationId", "memberCategory", "sector", "townshipId", "version",
            "lastChangedAt");

    private final PledgeQueries queries;
    private final Duration timeout;

    ExportController(PledgeQueries queries, @Value("${campaign.exports.timeout:PT30M}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    @GetMapping("/api/exports/pledges.csv")
    ResponseEntity<StreamingResponseBody> pledges(Acting acting, PledgeQueries.Filter filter,
                                                  NativeWebRequest request) {
        Actor actor = acting.actor();
        allowLongDownloads(request);
        StreamingResponseBody body = out -> write(actor, filter, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("pledges.csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private void write(Actor actor, PledgeQueries.Filter filter, OutputStream out) throws IOException {
        CsvWriter csv = CsvWriter.utf8WithBom(out);
        csv.row(PLEDGE_COLUMNS);
        try (Stream<PledgeEntry> pledges = queries.stream(actor, filter)) {
            Iterator<PledgeEntry> cursor = pledges.iterator();
            while (cursor.hasNext()) {
                csv.row(row(cursor.next()));
            }
        }
        csv.flush();
    }

    static List<String> row(PledgeEntry pledge) {
        return Arrays.asList(
                CsvWriter.text(pledge.id()),
                CsvWriter.text(pledge.campaignId()),
                name(pledge.pledgerType()),
                CsvWriter.text(pledge.pledgerId()),
                name(pledge.kind()),
                name(pledge.focus()),
                CsvWriter.text(pledge.title()),
                pledge.target() == null ? null : plain(pledge.target().quantity()),
                pledge.target() == null ? null : CsvWriter.text(pledge.target().unit()),
                pledge.deadline() == null ? null : pledge.deadline().toString(),
                String.valueOf(pledge.oral()),
                name(pledge.status()),
                plain(pledge.achievedQuantity()),
                CsvWriter.text(pledge.organisationId()),
                name(pledge.memberCategory()),
                name(pledge.sector()),
                CsvWriter.text(pledge.townshipId()),
                String.valueOf(pledge.version()),
                pledge.lastChangedAt() == null ? null : pledge.lastChangedAt().toString());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    /**
     * The response is written on another thread after this method returns; by default the container would cut
     * it off after its asynchronous timeout (30 seconds on Tomcat), too short for a district's whole list on a
     * slow line. This sets the timeout of this request alone, just before the asynchronous part starts.
     */
    private void allowLongDownloads(NativeWebRequest request) {
        WebAsyncUtils.getAsyncManager(request).registerCallableInterceptor(ExportController.class.getName(),
                new CallableProcessingInterceptor() {
                    @Override
                    public <T> void beforeConcurrentHandling(NativeWebRequest asyncRequest, Callable<T> task) {
                        if (asyncRequest instanceof AsyncWebRequest async) {
                            async.setTimeout(timeout.toMillis());
                        }
                    }
                });
    }
}
