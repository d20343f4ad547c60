package org.campaign.reporting.projection;

/**
 * The Kafka topics the reporting service reads and the one it writes unprojectable records to.
 *
 * @param pledgeEvents     events of pledge-service ({@code campaign.topics.pledge-events})
 * @param evaluationEvents events of evaluation-service ({@code campaign.topics.evaluation-events})
 * @param deadLetter       where records that can never be projected go ({@code campaign.topics.dead-letter})
 * @param consumerGroup    consumer group of the live projection ({@code spring.kafka.consumer.group-id})
 */
public record ReportingTopics(String pledgeEvents, String evaluationEvents, String deadLetter, String consumerGroup) {

    public java.util.List<String> sources() {
        return java.util.List.of(pledgeEvents, evaluationEvents);
    }
}
