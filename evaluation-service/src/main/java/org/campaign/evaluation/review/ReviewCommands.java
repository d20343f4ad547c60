package org.campaign.evaluation.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.SubjectType;

import java.time.LocalDate;
import java.util.List;

/** The commands of a leadership review and of the rectification it may require. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    /**
     * {@code townshipId} is the township of the subject's organisation: as the request stated it (or {@code null})
     * until the roster has placed the subject, then the roster's ({@link #placedIn}); {@code path} is that
     * organisation's path on the roster (from the top of the tree, itself last), empty until then.
     */
    public record RecordReview(@TargetAggregateIdentifier String reviewId, String campaignId, String round,
                               SubjectType subjectType, String subjectId, String organisationId, String townshipId,
                               List<String> path, String reviewerId, Rating rating, String strengths,
                               String problems, String rectificationRequired, LocalDate rectificationDeadline) {

        /** The same review, recorded with the township and path the roster places its subject's organisation in. */
        public RecordReview placedIn(String rosterTownshipId, List<String> rosterPath) {
            return new RecordReview(reviewId, campaignId, round, subjectType, subjectId, organisationId,
                    rosterTownshipId, List.copyOf(rosterPath), reviewerId, rating, strengths, problems,
                    rectificationRequired, rectificationDeadline);
        }
    }

    public record CommitRectification(@TargetAggregateIdentifier String reviewId, String statement,
                                      LocalDate committedOn) {
    }

    public record CompleteRectification(@TargetAggregateIdentifier String reviewId, String report,
                                        LocalDate completedOn) {
    }

    public record AcceptRectification(@TargetAggregateIdentifier String reviewId, String comment,
                                      LocalDate acceptedOn) {
    }

    public record ReopenRectification(@TargetAggregateIdentifier String reviewId, String reason,
                                      LocalDate reopenedOn) {
    }
}
