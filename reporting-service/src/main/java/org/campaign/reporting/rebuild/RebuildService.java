package org.campaign.reporting.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.campaign.reporting.audit.EventLog;
import org.campaign.reporting.live.KafkaOffsets;
import org.campaign.reporting.live.ProjectionMonitor;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.projection.ProjectionListener;
import org.campaign.reporting.projection.ReportingTopics;
import org.campaign.reporting.store.Generations;
import org.campaign.reporting.store.MongoReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Blue-green rebuilds: every read model is rebuilt from the beginning of the Kafka topics into a fresh generation
 * while the active one keeps serving, then the pointer is switched over.
 * <ol>
 *     <li>A new generation ({@code gN}) is allocated; a consumer of its own — group
 *     {@code <live group>-rebuild-gN}, assigned every partition of both topics from the beginning — applies the
 *     records in large batches with the same {@link BatchProjector} as the live projection, folded in memory on
 *     {@code campaign.reporting.rebuild.fold-threads} threads (one per core by default; see {@link ParallelFold})
 *     and written into the generation in a few bulk writes once the end offsets seen at the start are reached (or
 *     earlier, when {@code campaign.reporting.rebuild.fold-facts} facts are held).
 *     Unprojectable records are logged, not dead-lettered again (the live projection did that).</li>
 *     <li>When it has reached the end offsets seen at its start, the live projection is stopped (its current batch
 *     finishes first), the rebuild consumes up to the end offsets as they are now, and the live consumer group's
 *     offsets are set to the rebuild's positions. The records applied in this catch-up are added to the event log
 *     (and their records' summaries) as the live projection would have: it never sees them.</li>
 *     <li>The pointer document names {@code gN} (one atomic write), the live projection is started (again) — it
 *     now writes into {@code gN} from where the rebuild stopped — and the previous generation is dropped.</li>
 * </ol>
 * If anything fails before the switch, the new generation is dropped and the live projection resumes where it was;
 * queries never see a half-built generation. Because every counter, set and fact is guarded (see
 * {@link MongoReadModelStore}), a record applied by both the rebuild and the live projection counts once.
 * <p>
 * Progress (events done, events per second, events left and the estimated time left) is kept in the
 * {@value #COLLECTION} collection, logged every few seconds, and served at {@code GET /api/reports/rebuilds/{id}}.
 */
@Service
public class RebuildService implements DisposableBean {

    public static final String COLLECTION = "read_model_rebuilds";
    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long REPORT_EVERY_MILLIS = 2_000;

    /** The state of a rebuild, as served by the API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String rebuildId, String generation, String consumerGroup, String state, Instant startedAt,
                           Instant switchedAt, Instant finishedAt, long eventsDone, long eventsTotal,
                           double eventsPerSecond, long eventsLeft, Double secondsLeft, String previousGeneration,
                           String error) {
    }

    public static final String RUNNING = "RUNNING";
    public static final String SWITCHING = "SWITCHING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String ABANDONED = "ABANDONED";

    private final Generations generations;
    private final BatchProjector projector;
    private final ReportingTopics topics;
    private final KafkaOffsets offsets;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionMonitor monitor;
    private final MongoTemplate mongo;
    private final EventLog eventLog;
    private final int maxPollRecords;
    private final int foldFacts;
    private final int foldThreads;
    private final boolean dropPrevious;
    private final boolean whenOutdated;
    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> activeConsumer;
    private volatile Thread worker;

    public RebuildService(Generations generations, BatchProjector projector, ReportingTopics topics, KafkaOffsets offsets,
                          KafkaProperties kafka, KafkaListenerEndpointRegistry listeners, ProjectionMonitor monitor,
                          MongoTemplate mongo, EventLog eventLog,
                          @Value("${campaign.reporting.rebuild.max-poll-records:10000}") int maxPollRecords,
                          @Value("${campaign.reporting.rebuild.drop-previous:true}") boolean dropPrevious,
                          @Value("${campaign.reporting.rebuild.fold-facts:2000000}") int foldFacts,
                          @Value("${campaign.reporting.rebuild.fold-threads:0}") int foldThreads,
                          @Value("${campaign.reporting.rebuild.when-outdated:${campaign.reporting.live.auto-start:true}}")
                          boolean whenOutdated) {
        this.generations = generations;
        this.projector = projector;
        this.topics = topics;
        this.offsets = offsets;
        this.kafka = kafka;
        this.listeners = listeners;
        this.monitor = monitor;
        this.mongo = mongo;
        this.eventLog = eventLog;
        this.maxPollRecords = maxPollRecords;
        this.dropPrevious = dropPrevious;
        this.foldFacts = foldFacts;
        this.foldThreads = foldThreads > 0 ? foldThreads : Runtime.getRuntime().availableProcessors();
        this.whenOutdated = whenOutdated;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDb().getCollection(COLLECTION);
    }

    /**
     * At start: rebuilds left running by a process that died are abandoned, and the read models are rebuilt if the
     * active generation was built by older projections (see {@link Generations#VERSION}).
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        abandonInterrupted();
        if (whenOutdated) {
            rebuildIfOutdated();
        }
    }

    /** Starts a rebuild if the active generation was built by projections older than these; returns it, or null. */
    public Progress rebuildIfOutdated() {
        Document pointer = generations.pointer();
        int version = Generations.versionOf(pointer);
        if (version >= Generations.VERSION) {
            return null;
        }
        Progress rebuild = start();
        log.warn("Generation {} was built by projections of version {}, older than these ({}): rebuild {} replaces it",
                pointer.getString("generation"), version, Generations.VERSION, rebuild.rebuildId());
        return rebuild;
    }

    private void abandonInterrupted() {
        for (Document rebuild : collection().find(Filters.in("state", RUNNING, SWITCHING))) {
            String generation = rebuild.getString("generation");
            log.warn("Rebuild {} was interrupted by a restart; dropping generation {}", rebuild.get("_id"), generation);
            if (!generation.equals(generations.active())) {
                generations.drop(generation);
            }
            collection().updateOne(Filters.eq("_id", rebuild.get("_id")),
                    new Document("$set", new Document("state", ABANDONED)));
        }
    }

    /** Starts a rebuild, or returns the one running. */
    public synchronized Progress start() {
        if (!running.isEmpty()) {
            return running.values().iterator().next();
        }
        String generation = generations.allocate();
        String id = "rebuild-" + generation;
        String group = topics.consumerGroup() + "-rebuild-" + generation;
        Progress progress = new Progress(id, generation, group, RUNNING, Instant.now(), null, null, 0, 0, 0, 0, null,
                generations.active(), null);
        save(progress);
        running.put(id, progress);
        worker = new Thread(() -> run(progress), "rebuild-" + generation);
        worker.start();
        return progress;
    }

    public Progress progress(String id) {
        Progress live = running.get(id);
        if (live != null) {
            return live;
        }
        Document stored = collection().find(Filters.eq("_id", id)).first();
        return stored == null ? null : fromDocument(stored);
    }

    public List<Progress> all() {
        List<Progress> all = new ArrayList<>();
        collection().find().forEach(d -> all.add(running.getOrDefault(d.getString("_id"), fromDocument(d))));
        return all;
    }

    private void run(Progress initial) {
        Progress progress = initial;
        MongoReadModelStore store = generations.createFresh(initial.generation());
        MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
        boolean stoppedLive = false;
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(initial.consumerGroup())) {
            activeConsumer = consumer;
            List<TopicPartition> partitions = offsets.partitions(topics.sources());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> target = consumer.endOffsets(partitions);
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += target.get(partition) - beginning.get(partition);
            }
            log.info("Rebuild {} into generation {}: {} events to replay from {} partitions", initial.rebuildId(),
                    initial.generation(), total, partitions.size());
            long[] done = {0};
            progress = with(progress, RUNNING, 0, total, 0, total, null);
            try (ParallelFold fold = new ParallelFold(projector, store, foldThreads, foldFacts)) {
                progress = catchUp(consumer, partitions, target, progress, done, started, total, fold::apply);
                fold.flush();
            }

            // Switch over: stop the live projection, catch up with the end as it is now, hand the positions over.
            progress = with(progress, SWITCHING, done[0], total, rate(done[0], started), 0, 0.0);
            if (live != null && live.isRunning()) {
                live.stop();
                stoppedLive = true;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long extra = 0;
            for (TopicPartition partition : partitions) {
                extra += Math.max(0, end.get(partition) - Math.max(target.get(partition), beginning.get(partition)));
            }
            progress = catchUp(consumer, partitions, end, progress, done, started, total + extra, records -> {
                List<BatchProjector.Input> inputs = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    inputs.add(BatchProjector.Input.of(record));
                }
                BatchProjector.Outcome outcome = projector.apply(inputs, store, (input, reason) ->
                        log.debug("Rebuild leaves out {}: {}", input.position(), reason.getMessage()));
                eventLog.append(outcome.readable());
            });
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                positions.put(partition, consumer.position(partition));
            }
            Map<TopicPartition, Long> liveCommitted = offsets.committed(topics.consumerGroup());
            Map<TopicPartition, Long> handOver = new HashMap<>();
            positions.forEach((partition, position) ->
                    handOver.put(partition, Math.max(position, liveCommitted.getOrDefault(partition, 0L))));
            offsets.commit(topics.consumerGroup(), handOver);
            String previous = generations.switchTo(initial.generation());
            monitor.changedEverything();
            Instant switchedAt = Instant.now();
            log.info("Rebuild {}: switched from generation {} to {} after {} events", initial.rebuildId(), previous,
                    initial.generation(), done[0]);
            // The live projection goes on in the new generation from the handed-over positions (it is started
            // even if it was not running before: the rebuilt generation must follow the topics from now on).
            if (live != null && !live.isRunning()) {
                live.start();
            }
            stoppedLive = false;
            if (dropPrevious && previous != null && !previous.equals(initial.generation())) {
                generations.drop(previous);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            progress = new Progress(progress.rebuildId(), progress.generation(), progress.consumerGroup(), COMPLETED,
                    progress.startedAt(), switchedAt, Instant.now(), done[0], done[0], done[0] / Math.max(seconds, 1e-9),
                    0, 0.0, previous, null);
            save(progress);
            log.info("Rebuild {} completed: {} events in {} s ({} events/s)", progress.rebuildId(), done[0],
                    String.format("%.1f", seconds), Math.round(progress.eventsPerSecond()));
        } catch (Exception e) {
            log.error("Rebuild {} failed; dropping generation {}", initial.rebuildId(), initial.generation(), e);
            progress = new Progress(progress.rebuildId(), progress.generation(), progress.consumerGroup(), FAILED,
                    progress.startedAt(), null, Instant.now(), progress.eventsDone(), progress.eventsTotal(),
                    progress.eventsPerSecond(), progress.eventsLeft(), null, progress.previousGeneration(),
                    String.valueOf(e.getMessage()));
            save(progress);
            try {
                if (!initial.generation().equals(generations.active())) {
                    generations.drop(initial.generation());
                }
            } catch (RuntimeException dropFailure) {
                log.warn("Cannot drop generation {}: {}", initial.generation(), dropFailure.getMessage());
            }
            if (stoppedLive && live != null) {
                live.start();
            }
        } finally {
            activeConsumer = null;
            running.remove(initial.rebuildId());
            offsets.deleteGroup(initial.consumerGroup());
        }
    }

    private Progress catchUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                             Map<TopicPartition, Long> target, Progress progress, long[] done, long started,
                             long total, Consumer<ConsumerRecords<byte[], byte[]>> apply) {
        long lastReport = System.currentTimeMillis();
        while (!reached(consumer, partitions, target)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Rebuild interrupted");
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                continue;
            }
            apply.accept(records);
            done[0] += records.count();
            long now = System.currentTimeMillis();
            if (now - lastReport >= REPORT_EVERY_MILLIS) {
                lastReport = now;
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                long left = 0;
                for (TopicPartition partition : partitions) {
                    long position = consumer.position(partition);
                    commit.put(partition, new OffsetAndMetadata(position));
                    left += Math.max(0, target.get(partition) - position);
                }
                consumer.commitSync(commit);
                double rate = rate(done[0], started);
                progress = with(progress, progress.state(), done[0], total, rate, left, rate > 0 ? left / rate : null);
                log.info("Rebuild {}: {} of {} events, {} events/s, about {} s left", progress.rebuildId(), done[0],
                        total, Math.round(rate), progress.secondsLeft() == null ? "?" : Math.round(progress.secondsLeft()));
            }
        }
        return with(progress, progress.state(), done[0], total, rate(done[0], started), 0, 0.0);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                   Map<TopicPartition, Long> target) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < target.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static double rate(long done, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    private Progress with(Progress p, String state, long done, long total, double rate, long left, Double secondsLeft) {
        Progress next = new Progress(p.rebuildId(), p.generation(), p.consumerGroup(), state, p.startedAt(),
                p.switchedAt(), p.finishedAt(), done, total, rate, left, secondsLeft, p.previousGeneration(), p.error());
        running.put(p.rebuildId(), next);
        save(next);
        return next;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void save(Progress p) {
        Document document = new Document("_id", p.rebuildId()).append("generation", p.generation())
                .append("consumerGroup", p.consumerGroup()).append("state", p.state())
                .append("startedAt", text(p.startedAt())).append("switchedAt", text(p.switchedAt()))
                .append("finishedAt", text(p.finishedAt())).append("eventsDone", p.eventsDone())
                .append("eventsTotal", p.eventsTotal()).append("eventsPerSecond", p.eventsPerSecond())
                .append("eventsLeft", p.eventsLeft()).append("secondsLeft", p.secondsLeft())
                .append("previousGeneration", p.previousGeneration()).append("error", p.error());
        collection().replaceOne(Filters.eq("_id", p.rebuildId()), document, new ReplaceOptions().upsert(true));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Progress fromDocument(Document d) {
        return new Progress(d.getString("_id"), d.getString("generation"), d.getString("consumerGroup"),
                d.getString("state"), instant(d.getString("startedAt")), instant(d.getString("switchedAt")),
                instant(d.getString("finishedAt")), number(d, "eventsDone"), number(d, "eventsTotal"),
                d.get("eventsPerSecond") instanceof Number n ? n.doubleValue() : 0, number(d, "eventsLeft"),
                d.get("secondsLeft") instanceof Number n ? n.doubleValue() : null, d.getString("previousGeneration"),
                d.getString("error"));
    }

    private static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread thread = worker;
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            KafkaConsumer<byte[], byte[]> consumer = activeConsumer;
            if (consumer != null) {
                consumer.wakeup();
            }
            thread.join(10_000);
        }
    }
}
