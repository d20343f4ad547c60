package org.campaign.pledging.pledge;

import jakarta.validation.Valid;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaign.contracts.Actor;
import org.campaign.pledging.pledge.PledgeCommands.ApprovePledge;
import org.campaign.pledging.pledge.PledgeCommands.FulfilPledge;
import org.campaign.pledging.pledge.PledgeCommands.PublishPledge;
import org.campaign.pledging.pledge.PledgeCommands.ReportProgress;
import org.campaign.pledging.pledge.PledgeCommands.RevisePledge;
import org.campaign.pledging.pledge.PledgeCommands.SendBackPledge;
import org.campaign.pledging.pledge.PledgeCommands.WithdrawPledge;
import org.campaign.pledging.pledge.PledgeRequests.ApproveRequest;
import org.campaign.pledging.pledge.PledgeRequests.FulfilRequest;
import org.campaign.pledging.pledge.PledgeRequests.MakePledgeRequest;
import org.campaign.pledging.pledge.PledgeRequests.ProgressRequest;
import org.campaign.pledging.pledge.PledgeRequests.PublishRequest;
import org.campaign.pledging.pledge.PledgeRequests.ReviseRequest;
import org.campaign.pledging.pledge.PledgeRequests.SendBackRequest;
import org.campaign.pledging.pledge.PledgeRequests.TargetRequest;
import org.campaign.pledging.pledge.PledgeRequests.WithdrawRequest;
import org.campaign.pledging.roster.AgencyBoundary;
import org.campaign.write.events.ActorMetaData;
import org.campaign.write.web.Acting;
import org.campaign.write.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pledge API. Every change may carry {@code If-Match: <version>} (the version the clerk last saw); when the
 * pledge changed since, the change is refused with 409 instead of silently overwriting someone else's work.
 */
@RestController
@RequestMapping("/api/pledges")
class PledgeController {

    record TimelineEntry(long sequence, String type, Instant recordedAt, Actor actor, Object details) {
    }

    record PledgeDetails(PledgeEntry pledge, List<TimelineEntry> timeline) {
    }

    private final PledgeService pledges;
    private final PledgeQueries queries;
    private final AgencyBoundary boundary;
    private final EventStore events;

    PledgeController(PledgeService pledges, PledgeQueries queries, AgencyBoundary boundary, EventStore events) {
        this.pledges = pledges;
        this.queries = queries;
        this.boundary = boundary;
        this.events = events;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> make(@Valid @RequestBody MakePledgeRequest request, Acting acting) {
        String pledgeId = UUID.randomUUID().toString();
        pledges.make(acting, request.toPledge(pledgeId), "pledger.id");
        return ResponseEntity.created(URI.create("/api/pledges/" + pledgeId)).body(Map.of("pledgeId", pledgeId));
    }

    @GetMapping
    Page<PledgeEntry> list(Acting acting, PledgeQueries.Filter filter,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        return queries.list(acting.actor(), filter, page, size);
    }

    @GetMapping("/{pledgeId}")
    ResponseEntity<PledgeDetails> get(@PathVariable String pledgeId, Acting acting) {
        PledgeEntry pledge = pledges.find(pledgeId);
        boundary.requireCovers(acting.actor(), pledge.path(), "pledge " + pledgeId);
        List<TimelineEntry> timeline = new ArrayList<>();
        DomainEventStream stream = events.readEvents(pledgeId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            timeline.add(new TimelineEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), ActorMetaData.actorOf(event.getMetaData()), event.getPayload()));
        }
        return ResponseEntity.ok().eTag(String.valueOf(pledge.version())).body(new PledgeDetails(pledge, timeline));
    }

    @PostMapping("/{pledgeId}/send-back")
    ResponseEntity<Void> sendBack(@PathVariable String pledgeId, @Valid @RequestBody SendBackRequest request,
                                  @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return act(acting, pledgeId, new SendBackPledge(pledgeId, request.reasons(), version(version)));
    }

    @PostMapping("/{pledgeId}/revision")
    ResponseEntity<Void> revise(@PathVariable String pledgeId, @Valid @RequestBody ReviseRequest request,
                                @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return act(acting, pledgeId, new RevisePledge(pledgeId, request.kind(), request.focus(),
                request.title().trim(), TargetRequest.toTarget(request.target()), request.deadline(),
                version(version)));
    }

    @PostMapping("/{pledgeId}/approval")
    ResponseEntity<Void> approve(@PathVariable String pledgeId, @Valid @RequestBody ApproveRequest request,
                                 @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return actDated(acting, pledgeId, new ApprovePledge(pledgeId, request.approvedOn(), version(version)),
                "approvedOn", request.approvedOn());
    }

    @PostMapping("/{pledgeId}/publication")
    ResponseEntity<Void> publish(@PathVariable String pledgeId, @Valid @RequestBody PublishRequest request,
                                 @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return actDated(acting, pledgeId, new PublishPledge(pledgeId, request.channel(), request.publishedOn(),
                version(version)), "publishedOn", request.publishedOn());
    }

    @PostMapping("/{pledgeId}/progress")
    ResponseEntity<Void> progress(@PathVariable String pledgeId, @Valid @RequestBody ProgressRequest request,
                                  @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return actDated(acting, pledgeId, new ReportProgress(pledgeId, request.achievedQuantity(), request.note(),
                request.reportedOn(), version(version)), "reportedOn", request.reportedOn());
    }

    @PostMapping("/{pledgeId}/fulfilment")
    ResponseEntity<Void> fulfil(@PathVariable String pledgeId, @Valid @RequestBody FulfilRequest request,
                                @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return actDated(acting, pledgeId, new FulfilPledge(pledgeId, request.fulfilledOn(), request.evidence(),
                version(version)), "fulfilledOn", request.fulfilledOn());
    }

    @PostMapping("/{pledgeId}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String pledgeId, @Valid @RequestBody WithdrawRequest request,
                                  @RequestHeader(name = "If-Match", required = false) String version, Acting acting) {
        return act(acting, pledgeId, new WithdrawPledge(pledgeId, request.reason(), version(version)));
    }

    private ResponseEntity<Void> act(Acting acting, String pledgeId, Object command) {
        pledges.act(acting, pledgeId, command);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<Void> actDated(Acting acting, String pledgeId, Object command, String field,
                                          LocalDate date) {
        pledges.actDated(acting, pledgeId, command, field, date);
        return ResponseEntity.noContent().build();
    }

    /** The version an {@code If-Match} names; none (any version) when it is absent or {@code *}. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String digits = ifMatch.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must be the pledge's version, e.g. \"3\"");
        }
    }
}
