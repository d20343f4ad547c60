package org.campaign.evaluation.mass;

/**
 * Who answered a ballot, and what they wrote. Personal data: stored in this service's event store only, so that
 * nobody answers one evaluation twice, and never published — it carries no {@code EventContract}, so the Kafka
 * publisher leaves it out. The published {@code BallotCast} carries only the method and the answer.
 */
public record BallotRespondentRecorded(String evaluationId, String respondentId, String comment) {
}
