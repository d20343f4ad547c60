package org.campaign.reporting.report;

import org.campaign.reporting.pledge.PledgeStatistics;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.roster.RosterStatistics;
import org.campaign.reporting.store.MongoReadModelStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether what a report is asked about exists: a campaign, an organisation, a township. A mistyped id is a 404
 * naming what was looked for ({@code No campaign nope}), not a report of zeros.
 * <p>
 * Judged against the live read models, whatever instant the report is asked as of: neither campaigns nor
 * organisations are ever removed (a deregistered organisation keeps its place in the tree), so what exists now is
 * what existed at any time, and a report as of an instant before a campaign or organisation existed answers with
 * zeros. Each check costs what the service holds in memory (the roster tree, the campaigns found before) or a read
 * by id.
 */
@Component
public class KnownIds {

    private final OrganisationTrees trees;
    /** The campaigns found defined: a definition is never taken back. */
    private final Set<String> campaigns = ConcurrentHashMap.newKeySet();

    KnownIds(OrganisationTrees trees) {
        this.trees = trees;
    }

    /**
     * Answers 404 unless {@code campaignId} is absent or blank (every campaign) or names a campaign whose
     * {@code CampaignDefined} the service projected, or that has figures counted already (the definition and the
     * first pledges or reviews travel on different partitions, so they may be projected first).
     */
    public void requireCampaign(MongoReadModelStore live, String campaignId) {
        if (campaignId == null || campaignId.isBlank() || campaigns.contains(campaignId)) {
            return;
        }
        CounterKey counted = new CounterKey(CounterKey.scopeFor(campaignId), CounterKey.TOTAL, CounterKey.ALL);
        if (live.fact(RosterStatistics.CAMPAIGN_KIND, campaignId) == null
                && live.counters(counted.family(), List.of(counted)).isEmpty()) {
            throw notFound("campaign", campaignId);
        }
        campaigns.add(campaignId);
    }

    /** Answers 404 unless {@code organisationId} is absent or names an organisation of the roster tree. */
    public void requireOrganisation(MongoReadModelStore live, String organisationId) {
        if (organisationId != null && trees.of(live).node(organisationId) == null) {
            throw notFound("organisation", organisationId);
        }
    }

    /**
     * Answers 404 unless {@code townshipId} is absent, names an organisation of the roster tree that heads a township
     * (or department) of its own, or a township a pledge was made in.
     */
    public void requireTownship(MongoReadModelStore live, String townshipId) {
        if (townshipId == null || trees.of(live).headsTownship(townshipId)) {
            return;
        }
        CounterKey pledged = new CounterKey(CounterKey.ALL, PledgeStatistics.TOWNSHIP, townshipId);
        if (live.counters(pledged.family(), List.of(pledged)).isEmpty()) {
            throw notFound("township", townshipId);
        }
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }
}
