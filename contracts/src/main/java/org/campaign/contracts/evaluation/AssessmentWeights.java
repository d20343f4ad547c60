package org.campaign.contracts.evaluation;

/**
 * Weights, in percent and summing to 100, of the four dimensions of the year-end assessment (考核测评): post
 * competence 岗位胜任度, contribution to development 发展贡献度, public satisfaction 群众满意度, social reputation
 * 社会美誉度.
 */
public record AssessmentWeights(int postCompetence, int developmentContribution, int publicSatisfaction,
                                int socialReputation) {
}
