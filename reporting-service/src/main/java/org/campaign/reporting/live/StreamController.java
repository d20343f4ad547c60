package org.campaign.reporting.live;

import jakarta.validation.constraints.Pattern;
import org.campaign.reporting.report.KnownIds;
import org.campaign.reporting.store.Generations;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live figures as server-sent events. */
@RestController
@RequestMapping("/api/reports")
public class StreamController {

    private final ReportStream stream;
    private final Generations generations;
    private final KnownIds known;

    public StreamController(ReportStream stream, Generations generations, KnownIds known) {
        this.stream = stream;
        this.generations = generations;
        this.known = known;
    }

    /**
     * Events named {@code summary} whose data is the pledge summary JSON, pushed as the figures change; a 404 before
     * any event for a campaign never defined, as the summary itself.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false)
                             @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}", message = "must be a campaign id")
                             String campaignId,
                             @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            // Live figures that looked like a past instant's would mislead an auditor.
            throw new IllegalArgumentException("asOf: the stream pushes live figures only; read the reports with "
                    + "asOf for figures as they stood");
        }
        known.requireCampaign(generations.activeStore(), campaignId);
        return stream.subscribe(campaignId);
    }
}
