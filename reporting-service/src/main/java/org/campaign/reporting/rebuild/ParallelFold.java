package org.campaign.reporting.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.store.GenerationBuilder;
import org.campaign.reporting.store.MongoReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The first phase of a rebuild: each poll's records are split by partition among {@code threads}
 * {@link GenerationBuilder}s and folded in parallel, then written into the generation.
 * <p>
 * Sharding by partition is exact: the write services key records by aggregate id, so all events of an aggregate —
 * and so its fact — stay in one shard; counters keep their offsets per partition, so the shards' deltas never mix;
 * and sets are unions. The shards are joined and written by one thread (the store has one writer), between polls
 * whenever one of them is full, and at the end.
 */
final class ParallelFold implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParallelFold.class);

    private final BatchProjector projector;
    private final List<GenerationBuilder> shards = new ArrayList<>();
    private final ExecutorService executor;

    ParallelFold(BatchProjector projector, MongoReadModelStore store, int threads, int maxFacts) {
        this.projector = projector;
        for (int i = 0; i < threads; i++) {
            shards.add(new GenerationBuilder(store, Math.max(1, maxFacts / threads)));
        }
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads - 1), runnable -> {
            Thread thread = new Thread(runnable, "rebuild-fold-" + store.generation());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Folds one poll's records; the calling thread folds the first shard. */
    void apply(ConsumerRecords<String, String> records) {
        List<List<BatchProjector.Input>> inputs = new ArrayList<>();
        shards.forEach(shard -> inputs.add(new ArrayList<>()));
        for (ConsumerRecord<String, String> record : records) {
            inputs.get(record.partition() % shards.size()).add(BatchProjector.Input.of(record));
        }
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < shards.size(); i++) {
            int shard = i;
            if (!inputs.get(shard).isEmpty()) {
                others.add(executor.submit(() -> fold(inputs.get(shard), shards.get(shard))));
            }
        }
        fold(inputs.get(0), shards.get(0));
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Rebuild interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Folding failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        if (shards.stream().anyMatch(GenerationBuilder::full)) {
            flush();
        }
    }

    private void fold(List<BatchProjector.Input> inputs, GenerationBuilder shard) {
        if (!inputs.isEmpty()) {
            projector.apply(inputs, shard, (input, reason) ->
                    log.debug("Rebuild leaves out {}: {}", input.position(), reason.getMessage()));
        }
    }

    /** Writes the shards' folds into the generation, joined into one so that each document is written once. */
    void flush() {
        GenerationBuilder first = shards.get(0);
        shards.subList(1, shards.size()).forEach(first::absorb);
        first.flush();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
