package org.campaign.reporting.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.store.GenerationBuilder;
import org.campaign.reporting.store.MongoReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The first phase of a rebuild: each poll's records are split by partition among {@code threads} shards, each a
 * {@link GenerationBuilder} folded by a thread of its own, while the consumer goes on polling; the shards are
 * written into the generation together whenever one of them is full, and at the end.
 * <p>
 * Sharding by partition is exact: the write services key records by aggregate id, so all events of an aggregate —
 * and so its fact — stay in one shard; counters keep their offsets per partition, so the shards' deltas never mix;
 * and sets are unions. A shard folds its polls in the order they were read. The consumer runs at most
 * {@value #AHEAD} polls ahead of the slowest shard, which bounds the records held in memory.
 */
final class ParallelFold implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParallelFold.class);
    private static final int AHEAD = 3;

    private final BatchProjector projector;
    private final List<Shard> shards = new ArrayList<>();
    private volatile boolean someShardFull;

    /** One shard: its builder, the single thread that folds into it, and its polls in flight. */
    private static final class Shard {
        final GenerationBuilder builder;
        final ExecutorService thread;
        final Deque<Future<?>> pending = new ArrayDeque<>();

        Shard(GenerationBuilder builder, ExecutorService thread) {
            this.builder = builder;
            this.thread = thread;
        }
    }

    ParallelFold(BatchProjector projector, MongoReadModelStore store, int threads, int maxFacts) {
        this.projector = projector;
        for (int i = 0; i < threads; i++) {
            String name = "rebuild-fold-" + store.generation() + "-" + i;
            shards.add(new Shard(new GenerationBuilder(store, Math.max(1, maxFacts / threads)),
                    Executors.newSingleThreadExecutor(runnable -> {
                        Thread thread = new Thread(runnable, name);
                        thread.setDaemon(true);
                        return thread;
                    })));
        }
    }

    /** Hands one poll's records to the shards; returns once no shard is more than {@value #AHEAD} polls behind. */
    void apply(ConsumerRecords<byte[], byte[]> records) {
        List<List<BatchProjector.Input>> inputs = new ArrayList<>();
        shards.forEach(shard -> inputs.add(new ArrayList<>()));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            inputs.get(record.partition() % shards.size()).add(BatchProjector.Input.of(record));
        }
        for (int i = 0; i < shards.size(); i++) {
            Shard shard = shards.get(i);
            List<BatchProjector.Input> ofShard = inputs.get(i);
            if (!ofShard.isEmpty()) {
                shard.pending.add(shard.thread.submit(() -> fold(ofShard, shard.builder)));
            }
            while (shard.pending.size() > AHEAD) {
                await(shard.pending.poll());
            }
        }
        if (someShardFull) {
            flush();
        }
    }

    private void fold(List<BatchProjector.Input> inputs, GenerationBuilder builder) {
        projector.apply(inputs, builder, (input, reason) ->
                log.debug("Rebuild leaves out {}: {}", input.position(), reason.getMessage()));
        if (builder.full()) {
            someShardFull = true;
        }
    }

    /**
     * Waits for the shards to fold everything handed to them and to {@link GenerationBuilder#spread spread} their
     * sums, then writes their folds as one.
     */
    void flush() {
        for (Shard shard : shards) {
            shard.pending.add(shard.thread.submit(shard.builder::spread));
        }
        for (Shard shard : shards) {
            while (!shard.pending.isEmpty()) {
                await(shard.pending.poll());
            }
        }
        GenerationBuilder.flush(shards.stream().map(shard -> shard.builder).toList());
        someShardFull = false;
    }

    private static void await(Future<?> folded) {
        try {
            folded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Folding failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        shards.forEach(shard -> shard.thread.shutdownNow());
    }
}
