package org.campaign.evaluation.review;

import org.campaign.contracts.evaluation.Rating;
import org.campaign.contracts.evaluation.SubjectType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A review as it stands now, with its rectification. {@code townshipId} and {@code path} are where the reviewed
 * organisation stood on the roster when the review was recorded ({@code path} from the top of the tree, itself
 * last; {@code null} for reviews recorded before it was kept). {@code reviewerNote} is the reviewer's last word on
 * the rectification (the reason for reopening it, or the comment on accepting it); {@code version} is the sequence
 * of the review's last event.
 * <p>
 * Indexed for the reviews an actor may read (each alternative of the filter: below an agency, by a reviewer, in a
 * township, of an organisation), newest first.
 */
@Document("reviews")
@CompoundIndex(name = "path_recorded", def = "{'path': 1, 'recordedAt': -1, '_id': -1}")
@CompoundIndex(name = "reviewer_recorded", def = "{'reviewerId': 1, 'recordedAt': -1, '_id': -1}")
@CompoundIndex(name = "township", def = "{'townshipId': 1}")
@CompoundIndex(name = "organisation", def = "{'organisationId': 1}")
public record ReviewEntry(@Id String id, String campaignId, String round, SubjectType subjectType,
                          String subjectId, String organisationId, String townshipId, List<String> path,
                          String reviewerId,
                          Rating rating, String strengths, String problems, String rectificationRequired,
                          LocalDate rectificationDeadline, RectificationStatus rectificationStatus,
                          String statement, LocalDate committedOn, String completionReport,
                          LocalDate completedOn, String reviewerNote, long version, Instant recordedAt,
                          Instant lastChangedAt) {
}
