package org.campaign.evaluation.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.evaluation.ReviewerKind;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.assignment.AssignmentCommands.AssignReviewer;
import org.campaign.evaluation.assignment.AssignmentCommands.RevokeAssignment;
import org.campaign.evaluation.common.Ids;
import org.campaign.evaluation.roster.Roster;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Page;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reviewers' assignments: made, revoked and read by the district office; each reviewer reads its own. */
@RestController
@RequestMapping("/api/assignments")
class AssignmentController {

    record AssignRequest(@NotBlank @Pattern(regexp = Ids.PATTERN) String campaignId,
                         @NotBlank @Size(max = 64) String reviewerId, @NotNull ReviewerKind kind,
                         List<@NotBlank @Pattern(regexp = Ids.PATTERN) String> organisationIds,
                         List<@NotBlank @Pattern(regexp = Ids.PATTERN) String> townshipIds) {

        @AssertTrue(message = "or townshipIds must name at least one subject")
        boolean isOrganisationIds() {
            return !listOf(organisationIds).isEmpty() || !listOf(townshipIds).isEmpty();
        }
    }

    record RevokeRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final Roster roster;
    private final MongoTemplate mongo;

    AssignmentController(CommandGateway commands, ReviewerScope scope, Roster roster, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.roster = roster;
        this.mongo = mongo;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> assign(@Valid @RequestBody AssignRequest request, Acting acting) {
        scope.requireAdministrator(acting, "assign reviewers");
        roster.requireCampaign(request.campaignId());
        String assignmentId = UUID.randomUUID().toString();
        AssignReviewer assignment = new AssignReviewer(assignmentId, request.campaignId(), request.reviewerId().trim(),
                request.kind(), listOf(request.organisationIds()), listOf(request.townshipIds()));
        // Only organisations and townships on the roster can be reviewed: an assignment names nothing else.
        assignment.organisationIds().forEach(id -> roster.place(SubjectType.ORGANISATION, id));
        assignment.townshipIds().forEach(roster::requireTownship);
        requireNotAssignedAlready(assignment);
        commands.sendAndWait(assignment, acting.metaData());
        return ResponseEntity.created(URI.create("/api/assignments/" + assignmentId))
                .body(Map.of("assignmentId", assignmentId));
    }

    @PostMapping("/{assignmentId}/revocation")
    ResponseEntity<Void> revoke(@PathVariable String assignmentId, @Valid @RequestBody RevokeRequest request,
                                Acting acting) {
        scope.requireAdministrator(acting, "revoke assignments");
        get(assignmentId);
        commands.sendAndWait(new RevokeAssignment(assignmentId, request.reason()), acting.metaData());
        return ResponseEntity.noContent().build();
    }

    /** An assignment: the district office reads any, a reviewer only its own. */
    @GetMapping("/{assignmentId}")
    AssignmentEntry read(@PathVariable String assignmentId, Acting acting) {
        AssignmentEntry assignment = get(assignmentId);
        requireOwnUnlessOffice(acting, assignment.reviewerId());
        return assignment;
    }

    private AssignmentEntry get(String assignmentId) {
        AssignmentEntry assignment = mongo.findById(assignmentId, AssignmentEntry.class);
        if (assignment == null) {
            throw RecordNotFound.of("assignment", assignmentId);
        }
        return assignment;
    }

    /** Assignments, by id: the district office finds anyone's, a reviewer its own (without {@code reviewerId} too). */
    @GetMapping
    Page<AssignmentEntry> list(@RequestParam(required = false) String campaignId,
                               @RequestParam(required = false) String reviewerId,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size,
                               Acting acting) {
        if (!scope.isAdministrator(acting)) {
            requireOwnUnlessOffice(acting, reviewerId == null ? acting.actor().userId() : reviewerId);
            reviewerId = acting.actor().userId();
        }
        List<Criteria> criteria = new ArrayList<>();
        if (campaignId != null) {
            criteria.add(where("campaignId").is(campaignId));
        }
        if (reviewerId != null) {
            criteria.add(where("reviewerId").is(reviewerId));
        }
        return Page.of(mongo, criteria, Sort.by("_id"), page, size, AssignmentEntry.class);
    }

    /**
     * Refuses (409) an assignment that an active one of the same reviewer, campaign and kind already covers, naming
     * every organisation and township it names: it would add nothing, and revoking either would leave the reviewer
     * its subjects through the other.
     */
    private void requireNotAssignedAlready(AssignReviewer assignment) {
        Query same = Query.query(where("reviewerId").is(assignment.reviewerId()).and("active").is(true)
                .and("campaignId").is(assignment.campaignId()).and("kind").is(assignment.kind()));
        mongo.find(same, AssignmentEntry.class).stream()
                .filter(active -> listOf(active.organisationIds()).containsAll(assignment.organisationIds())
                        && listOf(active.townshipIds()).containsAll(assignment.townshipIds()))
                .findFirst()
                .ifPresent(active -> {
                    throw CommandRefused.conflict(assignment.reviewerId() + " is already assigned to every "
                            + "organisation and township named, as " + assignment.kind() + " in campaign "
                            + assignment.campaignId() + ", by active assignment " + active.id());
                });
    }

    private void requireOwnUnlessOffice(Acting acting, String reviewerId) {
        if (!scope.isAdministrator(acting) && !acting.actor().userId().equals(reviewerId)) {
            throw CommandRefused.forbidden("User " + acting.actor().userId() + " may read only its own assignments; "
                    + "the district office reads everyone's");
        }
    }

    private static List<String> listOf(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(String::trim).distinct().toList();
    }
}
