package org.campaign.pledging.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaign.contracts.campaign.CampaignDefined;
import org.campaign.contracts.campaign.CampaignPhase;
import org.campaign.pledging.campaign.Campaign.DefineCampaign;
import org.campaign.pledging.roster.AgencyBoundary;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Acting;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Campaigns: defined by the district agency, listed for everyone. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    @Document("campaigns")
    record CampaignEntry(@Id String id, String name, LocalDate startsOn, LocalDate endsOn,
                         List<CampaignPhase> phases) {
    }

    record PhaseRequest(@NotBlank String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {

        @AssertTrue(message = "must not be before startsOn")
        boolean isEndsOn() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    record DefineCampaignRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String campaignId,
                                 @NotBlank String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                                 List<@Valid PhaseRequest> phases) {

        @AssertTrue(message = "must not be before startsOn")
        boolean isEndsOn() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }

        @AssertTrue(message = "must lie within the campaign's startsOn and endsOn")
        boolean isPhases() {
            return phases == null || startsOn == null || endsOn == null || phases.stream()
                    .filter(p -> p != null && p.startsOn() != null && p.endsOn() != null)
                    .allMatch(p -> !p.startsOn().isBefore(startsOn) && !p.endsOn().isAfter(endsOn));
        }

        List<CampaignPhase> toPhases() {
            return phases == null ? List.of() : phases.stream()
                    .map(p -> new CampaignPhase(p.name(), p.startsOn(), p.endsOn())).toList();
        }
    }

    /** Keeps the campaign list in step with the events (subscribing processor, same unit of work). */
    @Component
    @ProcessingGroup("campaigns")
    static class CampaignProjection {

        private final MongoTemplate mongo;

        CampaignProjection(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(CampaignDefined event) {
            mongo.save(new CampaignEntry(event.campaignId(), event.name(), event.startsOn(), event.endsOn(),
                    event.phases()));
        }
    }

    private final CommandGateway commands;
    private final AgencyBoundary boundary;
    private final MongoTemplate mongo;

    CampaignController(CommandGateway commands, AgencyBoundary boundary, MongoTemplate mongo) {
        this.commands = commands;
        this.boundary = boundary;
        this.mongo = mongo;
    }

    @PostMapping
    ResponseEntity<Void> define(@Valid @RequestBody DefineCampaignRequest request, Acting acting) {
        boundary.requireDistrict(acting.actor(), "define a campaign");
        commands.sendAndWait(new DefineCampaign(request.campaignId(), request.name(), request.startsOn(),
                request.endsOn(), request.toPhases()), acting.metaData());
        return ResponseEntity.created(URI.create("/api/campaigns/" + request.campaignId())).build();
    }

    @GetMapping
    List<CampaignEntry> list() {
        return mongo.find(new Query().with(Sort.by("startsOn")), CampaignEntry.class);
    }

    @GetMapping("/{campaignId}")
    CampaignEntry get(@PathVariable String campaignId) {
        CampaignEntry campaign = mongo.findById(campaignId, CampaignEntry.class);
        if (campaign == null) {
            throw RecordNotFound.of("campaign", campaignId);
        }
        return campaign;
    }
}
