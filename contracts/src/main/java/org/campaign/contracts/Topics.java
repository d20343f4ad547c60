package org.campaign.contracts;

/**
 * Kafka topic names shared by producers and consumers. Every record is keyed by its aggregate id, so the
 * events of one pledge, review or evaluation stay in order on one partition.
 */
public final class Topics {

    /** Events of pledge-service: pledges and, later, the roster. */
    public static final String PLEDGE_EVENTS = "campaign.pledge-events";

    /** Events of evaluation-service: reviews, mass evaluations and assessments. */
    public static final String EVALUATION_EVENTS = "campaign.evaluation-events";

    private Topics() {
    }
}
