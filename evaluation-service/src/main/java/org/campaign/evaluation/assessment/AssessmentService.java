package org.campaign.evaluation.assessment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.contracts.evaluation.DimensionScores;
import org.campaign.contracts.evaluation.FiveGoodsFourStrongs;
import org.campaign.contracts.evaluation.ScoreSource;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.evaluation.assessment.AssessmentCommands.ScoreAssessment;
import org.campaign.evaluation.assessment.AssessmentCommands.SetAssessmentScheme;
import org.campaign.evaluation.assignment.ReviewerScope;
import org.campaign.evaluation.mass.MassEvaluationEntry;
import org.campaign.evaluation.mass.SatisfactionCount;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.Roster;
import org.campaign.evaluation.roster.StatedSubject;
import org.campaign.write.CommandRefused;
import org.campaign.write.RecordNotFound;
import org.campaign.write.web.Acting;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Year-end assessments: the district office sets each campaign's scheme; assigned reviewers score subjects under
 * it. A public-satisfaction score left out is taken from the subject's closed mass evaluations of that campaign
 * year — all their answers counted together.
 */
@Service
public class AssessmentService {

    /** What an assessor enters; {@code townshipId} and {@code publicSatisfaction} may be {@code null}. */
    public record Scores(String campaignId, int year, SubjectType subjectType, String subjectId,
                         String organisationId, String townshipId, BigDecimal postCompetence,
                         BigDecimal developmentContribution, BigDecimal publicSatisfaction,
                         BigDecimal socialReputation, FiveGoodsFourStrongs checklist) {
    }

    private final CommandGateway commands;
    private final ReviewerScope scope;
    private final Roster roster;
    private final MongoTemplate mongo;

    AssessmentService(CommandGateway commands, ReviewerScope scope, Roster roster, MongoTemplate mongo) {
        this.commands = commands;
        this.scope = scope;
        this.roster = roster;
        this.mongo = mongo;
    }

    public void setScheme(Acting acting, String campaignId, Scheme scheme) {
        scope.requireAdministrator(acting, "set the assessment scheme");
        roster.requireCampaign(campaignId);
        if (mongo.exists(Query.query(where("campaignId").is(campaignId)), AssessmentEntry.class)) {
            throw CommandRefused.conflict("Subjects of campaign " + campaignId + " were already assessed under its "
                    + "current scheme, so the scheme can no longer change");
        }
        commands.sendAndWait(new SetAssessmentScheme(campaignId, scheme), acting.metaData());
    }

    public SchemeEntry scheme(String campaignId) {
        SchemeEntry scheme = mongo.findById(campaignId, SchemeEntry.class);
        if (scheme == null) {
            throw RecordNotFound.of("assessment scheme for campaign", campaignId);
        }
        return scheme;
    }

    /**
     * Scores the subject, with the township the roster places it in, in one of the campaign's years, and answers
     * with the assessment's id.
     */
    public String score(Acting acting, Scores scores) {
        Placement placement = scope.requireCoversOnRoster(acting, scores.campaignId(), new StatedSubject(
                scores.subjectType(), scores.subjectId(), scores.organisationId(), scores.townshipId()), "assess it");
        roster.requireYearOf(scores.campaignId(), scores.year());
        SchemeEntry scheme = mongo.findById(scores.campaignId(), SchemeEntry.class);
        if (scheme == null) {
            throw CommandRefused.conflict("Campaign " + scores.campaignId() + " has no assessment scheme yet; the "
                    + "district office sets it before anyone is scored");
        }
        ScoreSource source = scores.publicSatisfaction() == null ? ScoreSource.MASS_EVALUATIONS : ScoreSource.ENTERED;
        BigDecimal publicSatisfaction = scores.publicSatisfaction() == null
                ? satisfactionFromMassEvaluations(scores) : scores.publicSatisfaction();
        String assessmentId = ScoreAssessment.idOf(scores.campaignId(), scores.year(), scores.subjectType(),
                scores.subjectId());
        commands.sendAndWait(new ScoreAssessment(assessmentId, scores.campaignId(), scores.year(),
                scores.subjectType(), scores.subjectId(), scores.organisationId(), placement.townshipId(),
                new DimensionScores(scores.postCompetence(), scores.developmentContribution(), publicSatisfaction,
                        scores.socialReputation()), source, scores.checklist(), scheme.scheme()),
                acting.metaData());
        return assessmentId;
    }

    public AssessmentEntry find(String assessmentId) {
        AssessmentEntry assessment = mongo.findById(assessmentId, AssessmentEntry.class);
        if (assessment == null) {
            throw RecordNotFound.of("assessment", assessmentId);
        }
        return assessment;
    }

    private BigDecimal satisfactionFromMassEvaluations(Scores scores) {
        List<MassEvaluationEntry> closed = mongo.find(Query.query(where("campaignId").is(scores.campaignId())
                .and("year").is(scores.year())
                .and("subjectType").is(scores.subjectType())
                .and("subjectId").is(scores.subjectId())
                .and("closed").is(true)), MassEvaluationEntry.class);
        if (closed.isEmpty()) {
            throw new IllegalArgumentException("publicSatisfaction: no score was given and " + scores.subjectType()
                    + " " + scores.subjectId() + " has no closed mass evaluation in " + scores.year()
                    + " of campaign " + scores.campaignId() + " to take it from");
        }
        return closed.stream().map(MassEvaluationEntry::count)
                .reduce(SatisfactionCount.NONE, SatisfactionCount::plus).rate();
    }
}
