package org.campaign.pledging.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.campaign.contracts.Actor;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.campaign.write.web.Acting;
import org.campaign.write.web.Page;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.campaign.service.web.Text.blankToNull;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The roster API: an agency's organisations and members. */
@RestController
class RosterController {

    static final String ID = "[A-Za-z0-9_.-]{1,64}";

    record RegisterRequest(@NotBlank @Pattern(regexp = ID) String organisationId,
                           @NotBlank @Size(max = 200) String name, @NotNull OrganisationKind kind,
                           @NotNull Sector sector, String parentId, @NotBlank String townshipId, boolean agency) {
    }

    record MoveRequest(@NotBlank String parentId, String townshipId) {
    }

    record RenameRequest(@NotBlank @Size(max = 200) String name) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record EnrolRequest(@NotBlank @Pattern(regexp = ID) String memberId, @NotBlank @Size(max = 100) String name,
                        @NotBlank String organisationId, @NotNull MemberCategory category) {
    }

    record TransferRequest(@NotBlank String toOrganisationId) {
    }

    /** The web app lists a township's organisations and members on one page. */
    private static final int MAX_PAGE_SIZE = 500;

    private final RosterService roster;
    private final AgencyBoundary boundary;
    private final MongoTemplate mongo;

    RosterController(RosterService roster, AgencyBoundary boundary, MongoTemplate mongo) {
        this.roster = roster;
        this.boundary = boundary;
        this.mongo = mongo;
    }

    @PostMapping("/api/organisations")
    ResponseEntity<Void> register(@Valid @RequestBody RegisterRequest request, Acting acting) {
        roster.register(acting, new RosterService.Registration(request.organisationId(), request.name().trim(),
                request.kind(), request.sector(), blankToNull(request.parentId()), request.townshipId().trim(),
                request.agency()));
        return ResponseEntity.created(URI.create("/api/organisations/" + request.organisationId())).build();
    }

    @GetMapping("/api/organisations")
    Page<OrganisationEntry> organisations(Acting acting, @RequestParam(required = false) Sector sector,
                                          @RequestParam(required = false) String under,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        List<Criteria> criteria = scope(acting.actor());
        if (sector != null) {
            criteria.add(where("sector").is(sector));
        }
        if (under != null) {
            criteria.add(where("path").is(under));
        }
        return page(criteria, page, size, OrganisationEntry.class);
    }

    @GetMapping("/api/organisations/{organisationId}")
    OrganisationEntry organisation(@PathVariable String organisationId, Acting acting) {
        return boundary.organisation(acting.actor(), organisationId);
    }

    @PostMapping("/api/organisations/{organisationId}/move")
    ResponseEntity<Void> move(@PathVariable String organisationId, @Valid @RequestBody MoveRequest request,
                              Acting acting) {
        roster.move(acting, organisationId, request.parentId(), blankToNull(request.townshipId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/organisations/{organisationId}/name")
    ResponseEntity<Void> rename(@PathVariable String organisationId, @Valid @RequestBody RenameRequest request,
                                Acting acting) {
        roster.rename(acting, organisationId, request.name().trim());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/organisations/{organisationId}/deregistration")
    ResponseEntity<Void> deregister(@PathVariable String organisationId, @Valid @RequestBody ReasonRequest request,
                                    Acting acting) {
        roster.deregister(acting, organisationId, request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/members")
    ResponseEntity<Void> enrol(@Valid @RequestBody EnrolRequest request, Acting acting) {
        roster.enrol(acting, request.memberId(), request.name().trim(), request.organisationId(),
                request.category());
        return ResponseEntity.created(URI.create("/api/members/" + request.memberId())).build();
    }

    @GetMapping("/api/members")
    Page<MemberEntry> members(Acting acting, @RequestParam(required = false) MemberCategory category,
                              @RequestParam(required = false) String organisationId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        List<Criteria> criteria = scope(acting.actor());
        if (category != null) {
            criteria.add(where("category").is(category));
        }
        if (organisationId != null) {
            criteria.add(where("organisationId").is(organisationId));
        }
        return page(criteria, page, size, MemberEntry.class);
    }

    @GetMapping("/api/members/{memberId}")
    MemberEntry member(@PathVariable String memberId, Acting acting) {
        return boundary.member(acting.actor(), memberId);
    }

    @PostMapping("/api/members/{memberId}/transfer")
    ResponseEntity<Void> transfer(@PathVariable String memberId, @Valid @RequestBody TransferRequest request,
                                  Acting acting) {
        roster.transfer(acting, memberId, request.toOrganisationId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/members/{memberId}/removal")
    ResponseEntity<Void> remove(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request,
                                Acting acting) {
        roster.remove(acting, memberId, request.reason());
        return ResponseEntity.noContent().build();
    }

    private List<Criteria> scope(Actor actor) {
        List<Criteria> criteria = new ArrayList<>();
        if (!boundary.isDistrict(actor)) {
            criteria.add(where("path").is(actor.agencyId()));
        }
        return criteria;
    }

    private <T> Page<T> page(List<Criteria> criteria, int page, int size, Class<T> type) {
        return Page.of(mongo, criteria, Sort.by("_id"), page, size, MAX_PAGE_SIZE, type);
    }

}
