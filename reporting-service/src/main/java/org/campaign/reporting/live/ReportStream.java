package org.campaign.reporting.live;

import org.campaign.reporting.report.PledgeSummary;
import org.campaign.reporting.report.PledgeSummaryReport;
import org.campaign.reporting.store.Generations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the headline figures to subscribers as server-sent events while the projection applies events.
 * <p>
 * Debounced: every {@code campaign.reporting.stream.interval} (default 250 ms, so at most four pushes a second)
 * the stream checks whether the projection applied anything since the last push (or switched generation); if so
 * it computes each subscribed summary once — whatever the number of subscribers — and sends it as an event named
 * {@value #SUMMARY_EVENT}. A subscriber gets the current summary at once on connecting. A comment line is sent every
 * 15 s so that proxies keep idle streams open.
 */
@Component
public class ReportStream implements DisposableBean {

    public static final String SUMMARY_EVENT = "summary";
    private static final long HEARTBEAT_MILLIS = 15_000;

    private static final Logger log = LoggerFactory.getLogger(ReportStream.class);

    private record Subscriber(SseEmitter emitter, String campaignId) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ProjectionMonitor monitor;
    private final PledgeSummaryReport summaries;
    private final Generations generations;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "report-stream");
        thread.setDaemon(true);
        return thread;
    });
    private long pushedVersion = -1;
    private String pushedGeneration;
    private long lastHeartbeat = System.currentTimeMillis();

    public ReportStream(ProjectionMonitor monitor, PledgeSummaryReport summaries, Generations generations,
                        @Value("${campaign.reporting.stream.interval:250ms}") Duration interval) {
        this.monitor = monitor;
        this.summaries = summaries;
        this.generations = generations;
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public SseEmitter subscribe(String campaignId) {
        SseEmitter emitter = new SseEmitter(0L);
        subscribe(emitter, campaignId);
        return emitter;
    }

    /**
     * Adds the subscriber with the current summary as its first event, sent from the request's own thread: the
     * emitter holds it until the request has set it up, and the request's thread then commits the response with it.
     * (Committed first from the pushing thread instead, the response's headers were written by two threads at once
     * while the request was still being handled.) Should the figures change while the first summary is worked out,
     * before the subscriber joins the others, the pushing thread sends it the new ones.
     */
    void subscribe(SseEmitter emitter, String campaignId) {
        Subscriber subscriber = new Subscriber(emitter, campaignId);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        long version = monitor.version();
        String generation = generations.active();
        send(subscriber, summaries.summary(generations.store(generation), campaignId, null));
        subscribers.add(subscriber);
        if (monitor.version() != version || !generation.equals(generations.active())) {
            scheduler.execute(() -> send(subscriber, summaries.summary(generations.activeStore(), campaignId, null)));
        }
    }

    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            long version = monitor.version();
            String generation = generations.active();
            if (version != pushedVersion || !generation.equals(pushedGeneration)) {
                pushedVersion = version;
                pushedGeneration = generation;
                Map<String, PledgeSummary> computed = new HashMap<>();
                for (Subscriber subscriber : subscribers) {
                    PledgeSummary summary = computed.computeIfAbsent(Objects.toString(subscriber.campaignId(), ""),
                            c -> summaries.summary(generations.store(generation), subscriber.campaignId(), null));
                    send(subscriber, summary);
                }
                lastHeartbeat = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastHeartbeat > HEARTBEAT_MILLIS) {
                lastHeartbeat = System.currentTimeMillis();
                for (Subscriber subscriber : subscribers) {
                    try {
                        subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        drop(subscriber, e);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Cannot push figures: {}", e.getMessage());
        }
    }

    private void send(Subscriber subscriber, PledgeSummary summary) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(SUMMARY_EVENT).data(summary, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            drop(subscriber, e);
        }
    }

    /** Forgets a subscriber whose stream failed; a failed stream never keeps the others from their figures. */
    private void drop(Subscriber subscriber, Exception failure) {
        subscribers.remove(subscriber);
        try {
            subscriber.emitter().completeWithError(failure);
        } catch (IllegalStateException alreadyEnded) {
            log.debug("Stream of {} had already ended: {}", subscriber.campaignId(), alreadyEnded.getMessage());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }
}
