package org.campaign.evaluation.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaign.contracts.evaluation.DimensionScores;
import org.campaign.contracts.evaluation.FiveGoodsFourStrongs;
import org.campaign.contracts.evaluation.ScoreSource;
import org.campaign.contracts.evaluation.SubjectType;

/** Commands of the year-end assessment (考核测评). */
public final class AssessmentCommands {

    private AssessmentCommands() {
    }

    /** Sets, or before any score was entered resets, the scheme of a campaign's assessment. */
    public record SetAssessmentScheme(@TargetAggregateIdentifier String campaignId, Scheme scheme) {
    }

    /** Scores one subject under the campaign's scheme as it stands; {@code scores} are complete. */
    public record ScoreAssessment(@TargetAggregateIdentifier String assessmentId, String campaignId, int year,
                                  SubjectType subjectType, String subjectId, String organisationId,
                                  String townshipId, DimensionScores scores, ScoreSource publicSatisfactionSource,
                                  FiveGoodsFourStrongs checklist, Scheme scheme) {

        /** One assessment per subject and year of a campaign. */
        public static String idOf(String campaignId, int year, SubjectType subjectType, String subjectId) {
            return campaignId + ":" + year + ":" + subjectType + ":" + subjectId;
        }
    }
}
