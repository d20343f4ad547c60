package org.campaign.evaluation.mass;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.campaign.contracts.evaluation.EvaluationMethod;
import org.campaign.contracts.evaluation.Satisfaction;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.common.Ids;
import org.campaign.write.web.Page;
import org.campaign.evaluation.mass.MassEvaluationCommands.CastBallot;
import org.campaign.evaluation.mass.MassEvaluationCommands.CloseMassEvaluation;
import org.campaign.evaluation.mass.MassEvaluationCommands.EnterTally;
import org.campaign.evaluation.mass.MassEvaluationCommands.OpenMassEvaluation;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.campaign.service.web.Text.blankToNull;

/** Mass evaluations (群众评议): opened, answered by ballots and tallies, closed with a published result. */
@RestController
@RequestMapping("/api/evaluations")
class MassEvaluationController {

    /** The most answers of one kind a tally counts: the people of a large meeting or of a township's ballot box. */
    static final long MAX_TALLY_COUNT = 100_000;

    /**
     * {@code townshipId} is optional: the evaluation is recorded with the township of the subject's organisation on
     * the roster, and a township stated otherwise is refused.
     */
    record OpenRequest(@NotBlank @Pattern(regexp = Ids.PATTERN) String campaignId,
                       @NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 32) String round,
                       @NotNull SubjectType subjectType, @NotBlank @Pattern(regexp = Ids.PATTERN) String subjectId,
                       @NotBlank @Pattern(regexp = Ids.PATTERN) String organisationId,
                       @Pattern(regexp = Ids.PATTERN) String townshipId,
                       @NotEmpty List<@NotNull EvaluationMethod> methods,
                       @NotNull @PastOrPresent LocalDate openedOn) {

        @AssertTrue(message = "must be the subject itself when the subject is an organisation")
        boolean isOrganisationId() {
            return subjectType != SubjectType.ORGANISATION || organisationId == null
                    || organisationId.equals(subjectId);
        }
    }

    /** {@code respondentId}: e.g. the phone number called or the questionnaire's number; it never leaves here. */
    record BallotRequest(@NotBlank @Size(max = 100) String respondentId, @NotNull EvaluationMethod method,
                         @NotNull Satisfaction answer, @Size(max = 2000) String comment) {
    }

    /**
     * The answers counted at one meeting or from one ballot box, each count at most
     * {@link MassEvaluationController#MAX_TALLY_COUNT}.
     */
    record TallyRequest(@NotNull EvaluationMethod method,
                        @NotNull @PositiveOrZero @Max(MAX_TALLY_COUNT) Integer satisfied,
                        @NotNull @PositiveOrZero @Max(MAX_TALLY_COUNT) Integer basicallySatisfied,
                        @NotNull @PositiveOrZero @Max(MAX_TALLY_COUNT) Integer dissatisfied) {

        @AssertTrue(message = "basicallySatisfied and dissatisfied together must count at least one answer")
        boolean isSatisfied() {
            return satisfied == null || basicallySatisfied == null || dissatisfied == null
                    || satisfied < 0 || basicallySatisfied < 0 || dissatisfied < 0
                    || (long) satisfied + basicallySatisfied + dissatisfied > 0;
        }
    }

    record CloseRequest(@NotNull @PastOrPresent LocalDate closedOn) {
    }

    private final MassEvaluationService evaluations;

    MassEvaluationController(MassEvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenRequest request, Acting acting) {
        String evaluationId = UUID.randomUUID().toString();
        evaluations.open(acting, new OpenMassEvaluation(evaluationId, request.campaignId(), request.year(),
                request.round().trim(), request.subjectType(), request.subjectId(), request.organisationId(),
                request.townshipId(), request.methods().stream().distinct().toList(), request.openedOn()));
        return ResponseEntity.created(URI.create("/api/evaluations/" + evaluationId))
                .body(Map.of("evaluationId", evaluationId));
    }

    @PostMapping("/{evaluationId}/ballots")
    ResponseEntity<Void> ballot(@PathVariable String evaluationId, @Valid @RequestBody BallotRequest request,
                                Acting acting) {
        String respondent = request.respondentId().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        evaluations.act(acting, evaluationId, new CastBallot(evaluationId, respondent, request.method(),
                request.answer(), blankToNull(request.comment())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{evaluationId}/tallies")
    ResponseEntity<Void> tally(@PathVariable String evaluationId, @Valid @RequestBody TallyRequest request,
                               Acting acting) {
        evaluations.act(acting, evaluationId, new EnterTally(evaluationId, request.method(), request.satisfied(),
                request.basicallySatisfied(), request.dissatisfied()));
        return ResponseEntity.noContent().build();
    }

    /** Closes the evaluation and answers with its result. */
    @PostMapping("/{evaluationId}/closing")
    MassEvaluationEntry close(@PathVariable String evaluationId, @Valid @RequestBody CloseRequest request,
                              Acting acting) {
        evaluations.act(acting, evaluationId, new CloseMassEvaluation(evaluationId, request.closedOn()));
        return evaluations.find(evaluationId);
    }

    /** The evaluations the caller may read (see {@link MassEvaluationService#list}), the newest first. */
    @GetMapping
    Page<MassEvaluationEntry> list(Acting acting, MassEvaluationService.Filter filter,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return evaluations.list(acting, filter, page, size);
    }

    @GetMapping("/{evaluationId}")
    MassEvaluationEntry get(@PathVariable String evaluationId, Acting acting) {
        return evaluations.read(acting, evaluationId);
    }
}
