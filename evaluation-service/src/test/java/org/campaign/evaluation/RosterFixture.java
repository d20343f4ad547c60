package org.campaign.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.campaign.CampaignDefined;
import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.OrganisationKind;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRegistered;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.Roster;
import org.campaign.write.CommandRefused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * Publishes the pledge service's roster events to the test context's pledge topic, as the pledge service would
 * (envelopes keyed by aggregate id), and waits until the evaluation service has applied them.
 */
@TestComponent
public class RosterFixture {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final Actor CLERK = new Actor("clerk-1", "pledge-agency");

    private final KafkaTemplate<String, String> kafka;
    private final Roster roster;
    private final String topic;
    private final String bootstrapServers;
    private final String consumerGroup;

    RosterFixture(KafkaTemplate<String, String> kafka, Roster roster,
                  @Value("${campaign.topics.pledge-events}") String topic,
                  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                  @Value("${spring.kafka.consumer.group-id}") String consumerGroup) {
        this.kafka = kafka;
        this.roster = roster;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.consumerGroup = consumerGroup;
    }

    /** Defines a new campaign, as the pledge service publishes it, and waits until the service knows it. */
    public String campaign() {
        String campaignId = ApiClient.newCampaign();
        publish(new CampaignDefined(campaignId, "创先争优", LocalDate.of(2010, 6, 1), LocalDate.of(2012, 12, 31),
                List.of()), "Campaign", campaignId, 0);
        eventually(WAIT, () -> roster.requireCampaign(campaignId));
        return campaignId;
    }

    /**
     * Registers the organisations in the township, directly under it (and the township's own organisation, see
     * {@link #townships}), and waits until the service knows them.
     */
    public void organisations(String townshipId, String... organisationIds) {
        townships(townshipId);
        for (String id : organisationIds) {
            publish(registered(id, townshipId, List.of(townshipId, id)), "Organisation", id, 0);
        }
        for (String id : organisationIds) {
            awaitPlaced(SubjectType.ORGANISATION, id, id, townshipId);
        }
    }

    /**
     * Registers the organisation heading each township, at the top of the tree, unless the service knows the
     * township already, and waits until the service knows them: assignments name only townships on the roster.
     */
    public void townships(String... townshipIds) {
        List<String> published = new ArrayList<>();
        for (String id : townshipIds) {
            if (!known(id)) {
                publish(registered(id, id, List.of(id)), "Organisation", id, 0);
                published.add(id);
            }
        }
        published.forEach(id -> awaitPlaced(SubjectType.ORGANISATION, id, id, id));
    }

    private boolean known(String townshipId) {
        try {
            roster.requireTownship(townshipId);
            return true;
        } catch (CommandRefused notOnTheRoster) {
            return false;
        }
    }

    /** The registration of an organisation, as the pledge service publishes it. */
    public static OrganisationRegistered registered(String organisationId, String townshipId, List<String> path) {
        return new OrganisationRegistered(organisationId, organisationId, OrganisationKind.BRANCH,
                Sector.RURAL_VILLAGE, path.size() > 1 ? path.get(path.size() - 2) : null, townshipId, townshipId,
                path);
    }

    /** Enrols the member in the organisation and waits until the service knows it. */
    public void member(String memberId, String organisationId) {
        publish(new MemberEnrolled(memberId, organisationId, MemberCategory.FARMER), "Member", memberId, 0);
        eventually(WAIT, () -> assertThat(roster.place(SubjectType.MEMBER, memberId).organisationId())
                .isEqualTo(organisationId));
    }

    /** Moves the organisation (its {@code sequence}-th event) directly under the township and waits for it. */
    public void move(String organisationId, long sequence, String townshipId) {
        publish(new OrganisationMoved(organisationId, townshipId, townshipId, townshipId,
                List.of(townshipId, organisationId)), "Organisation", organisationId, sequence);
        awaitPlaced(SubjectType.ORGANISATION, organisationId, organisationId, townshipId);
    }

    /** Publishes one roster event of the aggregate, without waiting for the service to apply it. */
    public void publish(Object payload, String aggregateType, String aggregateId, long sequence) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(),
                "1", "pledge-service", aggregateType, aggregateId, sequence, Instant.now(), CLERK,
                UUID.randomUUID().toString(), JSON.valueToTree(payload));
        try {
            kafka.send(topic, aggregateId, JSON.writeValueAsString(envelope)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish " + envelope.type() + " to " + topic, e);
        }
    }

    /** Waits until the service has consumed everything published on the pledge topic so far. */
    public void awaitConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            eventually(WAIT, () -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                ends.forEach((partition, end) -> {
                    OffsetAndMetadata offset = committed.get(partition);
                    assertThat(offset == null ? 0 : offset.offset()).as("consumed offset of %s", partition)
                            .isGreaterThanOrEqualTo(end);
                });
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of " + topic, e);
        }
    }

    /** Waits until the service places the subject as expected. */
    public void awaitPlaced(SubjectType type, String subjectId, String organisationId, String townshipId) {
        eventually(WAIT, () -> assertThat(roster.place(type, subjectId))
                .extracting(Placement::organisationId, Placement::townshipId)
                .containsExactly(organisationId, townshipId));
    }
}
