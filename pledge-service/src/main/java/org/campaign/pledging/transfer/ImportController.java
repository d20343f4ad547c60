package org.campaign.pledging.transfer;

import org.campaign.write.web.Acting;
import org.campaign.write.web.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV imports: {@code POST /api/imports/organisations|members|pledges} with the file as the body
 * ({@code Content-Type: text/csv}, UTF-8 unless a charset is given) answers 202 with the job and its
 * {@code Location}; {@code GET /api/imports/{jobId}} shows its progress and the rejected rows, and
 * {@code GET /api/imports} the agency's imports, newest first (without their rejected rows). See
 * {@link ImportService} for the policy.
 */
@RestController
class ImportController {

    static final String TEXT_CSV = "text/csv";

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/imports/organisations", consumes = TEXT_CSV)
    ResponseEntity<ImportJob> organisations(InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                            Acting acting) throws IOException, HttpMediaTypeNotSupportedException {
        return start(ImportKind.ORGANISATIONS, body, type, acting);
    }

    @PostMapping(path = "/api/imports/members", consumes = TEXT_CSV)
    ResponseEntity<ImportJob> members(InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                      Acting acting) throws IOException, HttpMediaTypeNotSupportedException {
        return start(ImportKind.MEMBERS, body, type, acting);
    }

    @PostMapping(path = "/api/imports/pledges", consumes = TEXT_CSV)
    ResponseEntity<ImportJob> pledges(InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                      Acting acting) throws IOException, HttpMediaTypeNotSupportedException {
        return start(ImportKind.PLEDGES, body, type, acting);
    }

    @GetMapping("/api/imports")
    Page<ImportJob.Summary> jobs(Acting acting, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        return imports.list(acting.actor(), page, size);
    }

    @GetMapping("/api/imports/{jobId}")
    ImportJob job(@PathVariable String jobId, Acting acting) {
        return imports.find(acting.actor(), jobId);
    }

    private ResponseEntity<ImportJob> start(ImportKind kind, InputStream body, String type, Acting acting)
            throws IOException, HttpMediaTypeNotSupportedException {
        ImportJob job = imports.start(kind, acting, body, charset(type));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/imports/" + job.id()))
                .body(job);
    }

    /** The charset named in the content type, UTF-8 if none; 415 if it is not one this service can decode. */
    private static Charset charset(String type) throws HttpMediaTypeNotSupportedException {
        try {
            Charset charset = MediaType.parseMediaType(type).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            throw new HttpMediaTypeNotSupportedException(MediaType.parseMediaType(TEXT_CSV),
                    List.of(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8")));
        }
    }
}
