package org.campaign.reporting.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.common.TopicPartition;
import org.campaign.reporting.projection.ReportingTopics;
import org.campaign.reporting.store.Generations;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far the live projection is behind: per source topic-partition the end offset, the offset the consumer group
 * committed (every record before it is applied) and their difference, with the newest event time applied and when
 * it was applied.
 */
@Component
public class ProjectionLag {

    /** The lag report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String consumerGroup, String generation, long totalLag, Instant lastEventTime,
                         List<PartitionLag> partitions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartitionLag(String topic, int partition, long endOffset, Long committedOffset, long lag,
                               Instant lastEventTime, Instant lastAppliedAt) {
    }

    private final KafkaOffsets offsets;
    private final ReportingTopics topics;
    private final ProjectionMonitor monitor;
    private final Generations generations;

    public ProjectionLag(KafkaOffsets offsets, ReportingTopics topics, ProjectionMonitor monitor, Generations generations) {
        this.offsets = offsets;
        this.topics = topics;
        this.monitor = monitor;
        this.generations = generations;
    }

    public Report report() {
        List<TopicPartition> partitions = offsets.partitions(topics.sources());
        Map<TopicPartition, Long> ends = offsets.endOffsets(partitions);
        Map<TopicPartition, Long> committed = offsets.committed(topics.consumerGroup());
        Map<String, ProjectionMonitor.PartitionState> seen = monitor.partitions();
        List<PartitionLag> rows = new ArrayList<>();
        long total = 0;
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            Long done = committed.get(partition);
            long lag = Math.max(0, end - (done == null ? 0 : done));
            total += lag;
            ProjectionMonitor.PartitionState state = seen.get(partition.topic() + "-" + partition.partition());
            rows.add(new PartitionLag(partition.topic(), partition.partition(), end, done, lag,
                    state == null ? null : state.lastEventTime(), state == null ? null : state.lastAppliedAt()));
        }
        return new Report(topics.consumerGroup(), generations.active(), total, monitor.lastEventTime(), rows);
    }
}
