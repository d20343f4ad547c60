package org.campaign.evaluation.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.ReviewRecorded;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.write.web.Acting;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final CommandGateway commands;
    private final EventStore events;

    ReviewController(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    record RecordReviewRequest(@NotBlank String campaignId, @NotBlank String round,
                               @NotNull SubjectType subjectType, @NotBlank String subjectId,
                               @NotBlank String organisationId, @NotNull Rating rating,
                               @Size(max = 4000) String strengths, @Size(max = 4000) String problems,
                               @Size(max = 4000) String rectificationRequired, LocalDate rectificationDeadline) {

        @AssertTrue(message = "is required when a rectification is required, and only then")
        boolean isRectificationDeadline() {
            boolean required = rectificationRequired != null && !rectificationRequired.isBlank();
            return required == (rectificationDeadline != null);
        }
    }

    @PostMapping
    ResponseEntity<Map<String, String>> record(@Valid @RequestBody RecordReviewRequest request, Acting acting) {
        String reviewId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordReview(reviewId, request.campaignId(), request.round(),
                request.subjectType(), request.subjectId(), request.organisationId(), acting.actor().userId(),
                request.rating(), request.strengths(), request.problems(), blankToNull(request.rectificationRequired()),
                request.rectificationDeadline()), acting.metaData());
        return ResponseEntity.created(URI.create("/api/reviews/" + reviewId)).body(Map.of("reviewId", reviewId));
    }

    @GetMapping("/{reviewId}")
    ReviewRecorded get(@PathVariable String reviewId) {
        var stream = events.readEvents(reviewId);
        if (!stream.hasNext()) {
            throw new AggregateNotFoundException(reviewId, "No review " + reviewId);
        }
        return (ReviewRecorded) stream.next().getPayload();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
