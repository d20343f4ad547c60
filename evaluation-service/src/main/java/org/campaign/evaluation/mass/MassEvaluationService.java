package org.campaign.evaluation.mass;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.Actor;
import org.campaign.evaluation.assignment.ReviewerScope;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Page;
import org.campaign.evaluation.mass.MassEvaluationCommands.OpenMassEvaluation;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.Roster;
import org.campaign.evaluation.roster.StatedSubject;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

import static org.campaign.service.web.Text.blankToNull;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends mass-evaluation commands after checking that the actor is assigned to the evaluated subject (or is the
 * district office): opening, ballots, tallies and closing alike. Evaluations are read by the district office (all
 * of them) and by anyone else only where their active assignments cover the subject or they opened it.
 */
@Service
public class MassEvaluationService {

    /**
     * Optional filters of the evaluation list (a blank one is no filter); {@code open} true for the open ones, false
     * for the closed.
     */
    public record Filter(String campaignId, Integer year, String round, String townshipId, String organisationId,
                         Boolean open) {

        public Filter {
            campaignId = blankToNull(campaignId);
            round = blankToNull(round);
            townshipId = blankToNull(townshipId);
            organisationId = blankToNull(organisationId);
        }
    }

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final Roster roster;
    private final MongoTemplate mongo;

    MassEvaluationService(CommandGateway commands, ReviewerScope scope, Roster roster, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.roster = roster;
        this.mongo = mongo;
    }

    /**
     * Opens the evaluation with the township the roster places its subject in; its year must be one of the
     * campaign's.
     */
    public void open(Acting acting, OpenMassEvaluation evaluation) {
        Placement placement = scope.requireCoversOnRoster(acting, evaluation.campaignId(), new StatedSubject(
                evaluation.subjectType(), evaluation.subjectId(), evaluation.organisationId(),
                evaluation.townshipId()), "evaluate it");
        roster.requireWithinPeriod(evaluation.campaignId(), evaluation.year(), "openedOn", evaluation.openedOn());
        commands.sendAndWait(evaluation.placedIn(placement.townshipId()), acting.metaData());
    }

    /** Sends a command about an existing evaluation, if the actor may run it. */
    public void act(Acting acting, String evaluationId, Object command) {
        MassEvaluationEntry evaluation = find(evaluationId);
        scope.requireCovers(acting, evaluation.campaignId(), evaluation.organisationId(),
                evaluation.townshipId(), "run mass evaluation " + evaluationId);
        commands.sendAndWait(command, acting.metaData());
    }

    /** The evaluation, if the actor may read it; 404 or 403 otherwise. */
    public MassEvaluationEntry read(Acting acting, String evaluationId) {
        MassEvaluationEntry evaluation = find(evaluationId);
        if (!acting.actor().userId().equals(evaluation.openedBy()) && !scope.covers(acting, evaluation.campaignId(),
                evaluation.organisationId(), evaluation.townshipId())) {
            Actor actor = acting.actor();
            throw CommandRefused.forbidden(actor.userId() + " of agency " + actor.agencyId() + " may not read mass "
                    + "evaluation " + evaluationId + " of organisation " + evaluation.organisationId() + ": they did "
                    + "not open it and are not assigned to organisation " + evaluation.organisationId()
                    + (evaluation.townshipId() == null ? "" : " or township " + evaluation.townshipId())
                    + " in campaign " + evaluation.campaignId());
        }
        return evaluation;
    }

    /** The evaluations the actor may read that match the filter, the newest first. */
    public Page<MassEvaluationEntry> list(Acting acting, Filter filter, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (!scope.isAdministrator(acting)) {
            List<Criteria> readable = new ArrayList<>();
            readable.add(where("openedBy").is(acting.actor().userId()));
            scope.coveredRecords(acting).ifPresent(readable::add);
            criteria.add(new Criteria().orOperator(readable));
        }
        if (filter.campaignId() != null) {
            criteria.add(where("campaignId").is(filter.campaignId()));
        }
        if (filter.year() != null) {
            criteria.add(where("year").is(filter.year()));
        }
        if (filter.round() != null) {
            criteria.add(where("round").is(filter.round()));
        }
        if (filter.townshipId() != null) {
            criteria.add(where("townshipId").is(filter.townshipId()));
        }
        if (filter.organisationId() != null) {
            criteria.add(where("organisationId").is(filter.organisationId()));
        }
        if (filter.open() != null) {
            criteria.add(where("closed").is(!filter.open()));
        }
        return Page.of(mongo, criteria, Sort.by(Sort.Direction.DESC, "openedAt", "_id"), page, size,
                MassEvaluationEntry.class);
    }

    public MassEvaluationEntry find(String evaluationId) {
        MassEvaluationEntry evaluation = mongo.findById(evaluationId, MassEvaluationEntry.class);
        if (evaluation == null) {
            throw RecordNotFound.of("mass evaluation", evaluationId);
        }
        return evaluation;
    }
}
