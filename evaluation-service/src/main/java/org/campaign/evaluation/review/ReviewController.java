package org.campaign.evaluation.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.common.Ids;
import org.campaign.write.web.Page;
import org.campaign.evaluation.common.Timeline;
import org.campaign.evaluation.review.ReviewCommands.AcceptRectification;
import org.campaign.evaluation.review.ReviewCommands.CommitRectification;
import org.campaign.evaluation.review.ReviewCommands.CompleteRectification;
import org.campaign.evaluation.review.ReviewCommands.RecordReview;
import org.campaign.evaluation.review.ReviewCommands.ReopenRectification;
import org.campaign.write.web.Acting;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.campaign.service.web.Text.blankToNull;

/** Leadership reviews and the rectification they require; the list and each review for those who may read them. */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    /**
     * {@code townshipId} is optional: the review is recorded with the township of the subject's organisation on the
     * roster, and a township stated otherwise is refused.
     */
    record RecordReviewRequest(@NotBlank @Pattern(regexp = Ids.PATTERN) String campaignId,
                               @NotBlank @Size(max = 32) String round, @NotNull SubjectType subjectType,
                               @NotBlank @Pattern(regexp = Ids.PATTERN) String subjectId,
                               @NotBlank @Pattern(regexp = Ids.PATTERN) String organisationId,
                               @Pattern(regexp = Ids.PATTERN) String townshipId, @NotNull Rating rating,
                               @Size(max = 4000) String strengths, @Size(max = 4000) String problems,
                               @Size(max = 4000) String rectificationRequired, LocalDate rectificationDeadline) {

        @AssertTrue(message = "is required when a rectification is required, and only then")
        boolean isRectificationDeadline() {
            return (blankToNull(rectificationRequired) != null) == (rectificationDeadline != null);
        }

        @AssertTrue(message = "must be the subject itself when the subject is an organisation")
        boolean isOrganisationId() {
            return subjectType != SubjectType.ORGANISATION || organisationId == null
                    || organisationId.equals(subjectId);
        }
    }

    record CommitRequest(@NotBlank @Size(max = 4000) String statement,
                         @NotNull @PastOrPresent LocalDate committedOn) {
    }

    record CompleteRequest(@NotBlank @Size(max = 4000) String report,
                           @NotNull @PastOrPresent LocalDate completedOn) {
    }

    record AcceptRequest(@Size(max = 4000) String comment, @NotNull @PastOrPresent LocalDate acceptedOn) {
    }

    record ReopenRequest(@NotBlank @Size(max = 4000) String reason,
                         @NotNull @PastOrPresent LocalDate reopenedOn) {
    }

    record ReviewDetails(ReviewEntry review, List<Timeline.Entry> timeline) {
    }

    private final ReviewService reviews;
    private final Timeline timeline;

    ReviewController(ReviewService reviews, Timeline timeline) {
        this.reviews = reviews;
        this.timeline = timeline;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> record(@Valid @RequestBody RecordReviewRequest request, Acting acting) {
        String reviewId = UUID.randomUUID().toString();
        reviews.record(acting, new RecordReview(reviewId, request.campaignId(), request.round().trim(),
                request.subjectType(), request.subjectId(), request.organisationId(),
                blankToNull(request.townshipId()), List.of(), acting.actor().userId(), request.rating(),
                request.strengths(), request.problems(), blankToNull(request.rectificationRequired()),
                request.rectificationDeadline()));
        return ResponseEntity.created(URI.create("/api/reviews/" + reviewId)).body(Map.of("reviewId", reviewId));
    }

    @GetMapping
    Page<ReviewEntry> list(Acting acting, ReviewService.Filter filter, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return reviews.list(acting, filter, page, size);
    }

    @GetMapping("/{reviewId}")
    ReviewDetails get(@PathVariable String reviewId, Acting acting) {
        return new ReviewDetails(reviews.read(acting, reviewId), timeline.of(reviewId));
    }

    @PostMapping("/{reviewId}/rectification/commitment")
    ResponseEntity<Void> commit(@PathVariable String reviewId, @Valid @RequestBody CommitRequest request,
                                Acting acting) {
        reviews.answer(acting, reviewId, new CommitRectification(reviewId, request.statement().trim(),
                request.committedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{reviewId}/rectification/completion")
    ResponseEntity<Void> complete(@PathVariable String reviewId, @Valid @RequestBody CompleteRequest request,
                                  Acting acting) {
        reviews.answer(acting, reviewId, new CompleteRectification(reviewId, request.report().trim(),
                request.completedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{reviewId}/rectification/acceptance")
    ResponseEntity<Void> accept(@PathVariable String reviewId, @Valid @RequestBody AcceptRequest request,
                                Acting acting) {
        reviews.check(acting, reviewId, new AcceptRectification(reviewId, blankToNull(request.comment()),
                request.acceptedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{reviewId}/rectification/reopening")
    ResponseEntity<Void> reopen(@PathVariable String reviewId, @Valid @RequestBody ReopenRequest request,
                                Acting acting) {
        reviews.check(acting, reviewId, new ReopenRectification(reviewId, request.reason().trim(),
                request.reopenedOn()));
        return ResponseEntity.noContent().build();
    }

}
