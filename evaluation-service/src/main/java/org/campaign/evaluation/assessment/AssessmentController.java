package org.campaign.evaluation.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.campaign.contracts.evaluation.AssessmentWeights;
import org.campaign.contracts.evaluation.FiveGoodsFourStrongs;
import org.campaign.contracts.evaluation.Grade;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.common.Ids;
import org.campaign.evaluation.common.Timeline;
import org.campaign.write.web.Acting;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;

/** Year-end assessments (考核测评) and each campaign's assessment scheme. */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

    record WeightsRequest(@NotNull @Min(0) @Max(100) Integer postCompetence,
                          @NotNull @Min(0) @Max(100) Integer developmentContribution,
                          @NotNull @Min(0) @Max(100) Integer publicSatisfaction,
                          @NotNull @Min(0) @Max(100) Integer socialReputation) {
    }

    record SchemeRequest(@NotNull @Valid WeightsRequest weights,
                         @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1)
                         BigDecimal advancedThreshold,
                         @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1)
                         BigDecimal laggingThreshold) {

        @AssertTrue(message = "must sum to 100")
        boolean isWeights() {
            return weights == null || weights.postCompetence() == null || weights.developmentContribution() == null
                    || weights.publicSatisfaction() == null || weights.socialReputation() == null
                    || weights.postCompetence() + weights.developmentContribution() + weights.publicSatisfaction()
                    + weights.socialReputation() == 100;
        }

        @AssertTrue(message = "must not be above advancedThreshold")
        boolean isLaggingThreshold() {
            return advancedThreshold == null || laggingThreshold == null
                    || laggingThreshold.compareTo(advancedThreshold) <= 0;
        }

        Scheme toScheme() {
            return new Scheme(new AssessmentWeights(weights.postCompetence(), weights.developmentContribution(),
                    weights.publicSatisfaction(), weights.socialReputation()), oneDecimal(advancedThreshold),
                    oneDecimal(laggingThreshold));
        }
    }

    /**
     * {@code publicSatisfaction} may be left out: it is then taken from the subject's closed mass evaluations.
     * {@code townshipId} may be left out too: the assessment is recorded with the township of the subject's
     * organisation on the roster, and a township stated otherwise is refused.
     */
    record ScoreRequest(@NotBlank @Pattern(regexp = Ids.PATTERN) String campaignId,
                        @NotNull @Min(2000) @Max(2100) Integer year, @NotNull SubjectType subjectType,
                        @NotBlank @Pattern(regexp = Ids.PATTERN) String subjectId,
                        @NotBlank @Pattern(regexp = Ids.PATTERN) String organisationId,
                        @Pattern(regexp = Ids.PATTERN) String townshipId,
                        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1)
                        BigDecimal postCompetence,
                        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1)
                        BigDecimal developmentContribution,
                        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1)
                        BigDecimal publicSatisfaction,
                        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1)
                        BigDecimal socialReputation,
                        @Valid ChecklistRequest checklist) {

        @AssertTrue(message = "is required for an organisation and not given for a member")
        boolean isChecklist() {
            return subjectType == null || (subjectType == SubjectType.ORGANISATION) == (checklist != null);
        }

        @AssertTrue(message = "must be the subject itself when the subject is an organisation")
        boolean isOrganisationId() {
            return subjectType != SubjectType.ORGANISATION || organisationId == null
                    || organisationId.equals(subjectId);
        }

        AssessmentService.Scores toScores() {
            return new AssessmentService.Scores(campaignId, year, subjectType, subjectId, organisationId, townshipId,
                    postCompetence, developmentContribution, publicSatisfaction, socialReputation,
                    checklist == null ? null : checklist.toChecklist());
        }
    }

    /**
     * The five goods, four strongs (五好四强) of an organisation, as sent: every item of the standard is marked true
     * or false, none left out.
     */
    record ChecklistRequest(@NotNull Boolean goodLeadership, @NotNull Boolean goodMembership,
                            @NotNull Boolean goodMechanisms, @NotNull Boolean goodResults,
                            @NotNull Boolean goodPublicOpinion, @NotNull Boolean strongInDevelopment,
                            @NotNull Boolean strongInServingThePublic, @NotNull Boolean strongInUnitingPeople,
                            @NotNull Boolean strongInPromotingHarmony) {

        FiveGoodsFourStrongs toChecklist() {
            return new FiveGoodsFourStrongs(goodLeadership, goodMembership, goodMechanisms, goodResults,
                    goodPublicOpinion, strongInDevelopment, strongInServingThePublic, strongInUnitingPeople,
                    strongInPromotingHarmony);
        }
    }

    /** The outcome; {@code ledgerId} names the ledger entry of an organisation graded lagging, else null. */
    record Scored(String assessmentId, BigDecimal total, Grade grade, String ledgerId) {
    }

    record AssessmentDetails(AssessmentEntry assessment, List<Timeline.Entry> timeline) {
    }

    private final AssessmentService assessments;
    private final Timeline timeline;

    AssessmentController(AssessmentService assessments, Timeline timeline) {
        this.assessments = assessments;
        this.timeline = timeline;
    }

    @PutMapping("/schemes/{campaignId}")
    ResponseEntity<Void> setScheme(@PathVariable String campaignId, @Valid @RequestBody SchemeRequest request,
                                   Acting acting) {
        if (!campaignId.matches(Ids.PATTERN)) {
            throw new IllegalArgumentException("campaignId: must match " + Ids.PATTERN);
        }
        assessments.setScheme(acting, campaignId, request.toScheme());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/schemes/{campaignId}")
    SchemeEntry scheme(@PathVariable String campaignId) {
        return assessments.scheme(campaignId);
    }

    @PostMapping
    ResponseEntity<Scored> score(@Valid @RequestBody ScoreRequest request, Acting acting) {
        String assessmentId = assessments.score(acting, request.toScores());
        AssessmentEntry scored = assessments.find(assessmentId);
        return ResponseEntity.created(URI.create("/api/assessments/" + assessmentId))
                .body(new Scored(assessmentId, scored.total(), scored.grade(), scored.ledgerId()));
    }

    @GetMapping("/{assessmentId}")
    AssessmentDetails get(@PathVariable String assessmentId) {
        return new AssessmentDetails(assessments.find(assessmentId), timeline.of(assessmentId));
    }

    private static BigDecimal oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.UNNECESSARY);
    }
}
