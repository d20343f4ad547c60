package org.campaign.evaluation.mass;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.campaign.evaluation.assignment.ReviewerScope;
import org.campaign.evaluation.mass.MassEvaluationCommands.OpenMassEvaluation;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.StatedSubject;
import org.campaign.write.web.Acting;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends mass-evaluation commands after checking that the actor is assigned to the evaluated subject (or is the
 * district office): opening, ballots, tallies and closing alike.
 */
@Service
public class MassEvaluationService {

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final MongoTemplate mongo;

    MassEvaluationService(CommandGateway commands, ReviewerScope scope, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.mongo = mongo;
    }

    /** Opens the evaluation with the township the roster places its subject in. */
    public void open(Acting acting, OpenMassEvaluation evaluation) {
        Placement placement = scope.requireCoversOnRoster(acting, evaluation.campaignId(), new StatedSubject(
                evaluation.subjectType(), evaluation.subjectId(), evaluation.organisationId(),
                evaluation.townshipId()), "evaluate it");
        commands.sendAndWait(evaluation.placedIn(placement.townshipId()), acting.metaData());
    }

    /** Sends a command about an existing evaluation, if the actor may run it. */
    public void act(Acting acting, String evaluationId, Object command) {
        MassEvaluationEntry evaluation = find(evaluationId);
        scope.requireCovers(acting, evaluation.campaignId(), evaluation.organisationId(),
                evaluation.townshipId(), "run mass evaluation " + evaluationId);
        commands.sendAndWait(command, acting.metaData());
    }

    public MassEvaluationEntry find(String evaluationId) {
        MassEvaluationEntry evaluation = mongo.findById(evaluationId, MassEvaluationEntry.class);
        if (evaluation == null) {
            throw new AggregateNotFoundException(evaluationId, "No mass evaluation " + evaluationId);
        }
        return evaluation;
    }
}
