package org.campaign.write;

import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.campaign.contracts.EventJson;
import org.campaign.service.security.CallerResolver;
import org.campaign.write.audit.ChainController;
import org.campaign.write.audit.ChainVerifier;
import org.campaign.write.events.ActorMetaData;
import org.campaign.write.events.CommitOrderedStorageEngine;
import org.campaign.write.events.ContractRevisionResolver;
import org.campaign.write.events.KafkaEventPublisher;
import org.campaign.write.web.ActorArgumentResolver;
import org.campaign.write.web.CommandProblemAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The one place where a write service's Axon, MongoDB and Kafka wiring lives.
 * <ul>
 *   <li>Event store and token store in the service's own MongoDB database, wired by hand (no Mongo
 *       transactions, no Axon Server), events and tokens as JSON;</li>
 *   <li>appends serialised and stamped in commit order, so timestamp-based tracking misses nothing
 *       ({@link CommitOrderedStorageEngine});</li>
 *   <li>every stored event published to the service's Kafka topic by the {@value KafkaEventPublisher#PROCESSOR}
 *       tracking processor ({@link KafkaEventPublisher});</li>
 *   <li>who acted, from which agency, copied from each command to its events;</li>
 *   <li>each aggregate's events chained by hash, and an endpoint that verifies the chain;</li>
 *   <li>the acting identity resolved from the caller's token and errors answered as RFC 7807 problems.</li>
 * </ul>
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class})
@EnableConfigurationProperties(WriteSideProperties.class)
@Import({CommandProblemAdvice.class, ChainController.class})
public class WriteSideAutoConfiguration {

    @Bean
    public RevisionResolver revisionResolver() {
        return new ContractRevisionResolver();
    }

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(EventJson.newObjectMapper())
                .revisionResolver(revisionResolver)
                .build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, mongo.getMongoClientDatabase()).build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate, Serializer serializer,
                                                 ObjectProvider<EventUpcaster> upcasters,
                                                 WriteSideProperties properties) {
        MongoEventStorageEngine mongo = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(),
                        properties.trackingLookBack()))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
        mongo.ensureIndexes();
        return new CommitOrderedStorageEngine(mongo, serializer, Clock.systemUTC());
    }

    @Bean
    public ChainVerifier chainVerifier(MongoTemplate axonMongoTemplate) {
        return new ChainVerifier(axonMongoTemplate);
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ActorMetaData.USER, ActorMetaData.AGENCY, ActorMetaData.CLIENT);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @Bean
    public NewTopic eventTopic(WriteSideProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), (short) 1);
    }

    @Bean
    public KafkaTemplate<String, String> eventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer()));
    }

    @Bean
    public PublisherModule kafkaPublisherModule(KafkaTemplate<String, String> eventKafkaTemplate,
                                                RevisionResolver revisionResolver, WriteSideProperties properties,
                                                Environment environment) {
        KafkaEventPublisher publisher = new KafkaEventPublisher(eventKafkaTemplate, EventJson.newObjectMapper(),
                revisionResolver, properties.topic(), environment.getProperty("spring.application.name", "unknown"),
                properties.ackTimeout());
        return new PublisherModule(publisher, properties.publishBatchSize());
    }

    @Bean
    public WebMvcConfigurer actorArgumentResolverConfigurer(CallerResolver callers) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver(callers));
            }
        };
    }

    /** Registers the publishing processor: one segment, batches, errors propagated so nothing is skipped. */
    public record PublisherModule(KafkaEventPublisher publisher, int batchSize)
            implements ConfigurerModule {

        @Override
        public void configureModule(Configurer configurer) {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerTrackingEventProcessor(KafkaEventPublisher.PROCESSOR,
                            c -> c.eventStore(),
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(batchSize))
                    .registerEventHandler(c -> publisher)
                    .assignHandlerInstancesMatching(KafkaEventPublisher.PROCESSOR, publisher::equals)
                    .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSOR,
                            c -> PropagatingErrorHandler.instance());
        }
    }
}
