package org.campaign.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.campaign.contracts.EventJson;
import org.campaign.localinfra.FreePorts;
import org.campaign.localinfra.LocalKafka;
import org.campaign.localinfra.LocalMongo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the reporting service against an in-process Kafka broker and MongoDB-compatible server (module
 * local-infra), running the service's own jar as a separate process, as in production:
 * <ol>
 *     <li>loads a generated district — townships, villages and communities, members, pledges through their
 *     lifecycle, reviews — of {@code benchmark.events} events on two topics of {@code benchmark.partitions}
 *     partitions;</li>
 *     <li>reads them all with a plain Kafka consumer (the baseline);</li>
 *     <li>starts the service with its live projection stopped and replays every event with a blue-green rebuild,
 *     reading the replay speed from the rebuild's progress; then again, {@code benchmark.rebuilds} rebuilds in all
 *     (the first pays for the JIT compiling the replay's code, a later one shows a service that has run it
 *     before);</li>
 *     <li>measures the latency of statistics queries over HTTP;</li>
 *     <li>measures freshness — from an event acknowledged by Kafka to its figure visible over HTTP — under a steady
 *     load of {@code benchmark.freshness.rate} events per second;</li>
 *     <li>measures the latency of the tree reports under the same load.</li>
 * </ol>
 * Run with {@code mvn -f benchmarks/pom.xml -q compile exec:exec} (see BENCHMARKS.md).
 */
public final class ReportingBenchmark {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final int PLAIN_READS = 3;
    private static final String PLEDGE_TOPIC = "bench.pledge-events";
    private static final String EVALUATION_TOPIC = "bench.evaluation-events";
    private static final String CAMPAIGN = "cxzy-2011";
    private static final int QUERY_WARM_UP_SECONDS = 5;
    /** The reports that sum every organisation's figures: a township's subtree, and coverage. */
    private static final List<String> TREE_QUERIES = List.of("/api/reports/organisations/T1?campaignId=" + CAMPAIGN,
            "/api/reports/coverage?campaignId=" + CAMPAIGN);
    private static final String[] SECTORS = {"RURAL_VILLAGE", "URBAN_COMMUNITY", "GOVERNMENT_ORGAN",
            "PUBLIC_INSTITUTION", "STATE_ENTERPRISE", "NON_PUBLIC_ENTERPRISE", "NEW_SOCIAL_ORGANISATION"};
    private static final String[] CATEGORIES = {"FARMER", "GOVERNMENT_STAFF", "COMMUNITY_RESIDENT",
            "ENTERPRISE_STAFF", "RETIRED", "NO_POST"};
    private static final String[] RATINGS = {"EXCELLENT", "GOOD", "FAIR", "POOR"};

    private final long events = Long.getLong("benchmark.events", 1_000_000);
    private final int partitions = Integer.getInteger("benchmark.partitions", 6);
    private final int freshnessSeconds = Integer.getInteger("benchmark.freshness.seconds", 30);
    private final int freshnessRate = Integer.getInteger("benchmark.freshness.rate", 1000);
    private final int pollMillis = Integer.getInteger("benchmark.freshness.poll-ms", 25);
    /** Rebuilds in a row: the first after the service started, then rebuilds by a service that has rebuilt before. */
    private final int rebuilds = Math.max(1, Integer.getInteger("benchmark.rebuilds", 2));
    private final String serviceHeap = System.getProperty("benchmark.service.heap", "6g");
    private final Path jar = Path.of(System.getProperty("benchmark.jar", "reporting-service/target/reporting-service.jar"));
    private final Path results = Path.of(System.getProperty("benchmark.results", "benchmark-results.md"));
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(2011);

    private LocalKafka kafka;
    private LocalMongo mongo;
    private Process service;
    private String baseUrl;
    private int townships;
    private List<String> organisations;
    private Map<String, String> townshipOf;
    private Map<String, String> sectorOf;
    private long pledgeCount;

    public static void main(String[] args) throws Exception {
        new ReportingBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar.toAbsolutePath()
                    + ": build it first with mvn -pl reporting-service -am -DskipTests package");
        }
        Path data = Files.createTempDirectory("campaign-benchmark-");
        line("# Reporting service benchmark");
        line("");
        line("- started: " + Instant.now());
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", benchmark JVM heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, service heap " + serviceHeap);
        line("- events: " + events + ", partitions per topic: " + partitions);
        try {
            mongo = LocalMongo.inMemory(0);
            kafka = LocalKafka.start(data, 0);
            createTopics();
            load();
            double plain = plainConsumer();
            startService();
            List<Double> replays = new ArrayList<>();
            for (int i = 0; i < rebuilds; i++) {
                replays.add(replay());
            }
            line("");
            line("| | events/s | ratio to the plain consumer |");
            line("| --- | --- | --- |");
            line(String.format(Locale.ROOT, "| plain consumer | %,.0f | |", plain));
            for (int i = 0; i < replays.size(); i++) {
                String which = i == 0 ? "first rebuild after the service started"
                        : "rebuild " + (i + 1) + " in the same process";
                line(String.format(Locale.ROOT, "| replay, %s | %,.0f | %.3f |", which, replays.get(i),
                        replays.get(i) / plain));
            }
            queryLatency();
            freshness();
            treeReportsUnderLoad();
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
                service.destroyForcibly();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (mongo != null) {
                mongo.close();
            }
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report.toString());
            System.out.println("Results written to " + results.toAbsolutePath());
        }
    }

    // ------------------------------------------------------------------ data

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(PLEDGE_TOPIC, partitions, (short) 1),
                    new NewTopic(EVALUATION_TOPIC, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<String, String> producer(int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024), new StringSerializer(), new StringSerializer());
    }

    /**
     * A district of {@code townships} townships (one per 50,000 events, at least 4), each with 50 villages or
     * communities; 40 members per organisation; pledges of organisations and members taken through their lifecycle
     * (80% approved, 60% published, half fulfilled, 10% lapsed, 3% withdrawn); one review in six organisations.
     */
    private void load() throws Exception {
        long started = System.nanoTime();
        townships = (int) Math.max(4, events / 50_000);
        organisations = new ArrayList<>();
        townshipOf = new HashMap<>();
        sectorOf = new HashMap<>();
        long sent = 0;
        try (KafkaProducer<String, String> producer = producer(20)) {
            sent += send(producer, PLEDGE_TOPIC, "district", "OrganisationRegistered", "Organisation", 0,
                    organisation("district", "区委", "GOVERNMENT_ORGAN", null, "district", List.of("district")));
            List<String> members = new ArrayList<>();
            for (int t = 0; t < townships; t++) {
                String township = "T" + t;
                String sector = t % 3 == 0 ? "URBAN_COMMUNITY" : "RURAL_VILLAGE";
                sent += send(producer, PLEDGE_TOPIC, township, "OrganisationRegistered", "Organisation", 0,
                        organisation(township, "乡镇" + t, sector, "district", township, List.of("district", township)));
                for (int v = 0; v < 50; v++) {
                    String id = township + "-O" + v;
                    String orgSector = v < 40 ? sector : SECTORS[2 + v % 5];
                    organisations.add(id);
                    townshipOf.put(id, township);
                    sectorOf.put(id, orgSector);
                    sent += send(producer, PLEDGE_TOPIC, id, "OrganisationRegistered", "Organisation", 0,
                            organisation(id, "支部" + t + "-" + v, orgSector, township, township,
                                    List.of("district", township, id)));
                    for (int m = 0; m < 40; m++) {
                        String member = id + "-M" + m;
                        members.add(member);
                        ObjectNode enrolled = JSON.createObjectNode().put("memberId", member).put("organisationId", id)
                                .put("category", CATEGORIES[(m + v) % CATEGORIES.length]);
                        sent += send(producer, PLEDGE_TOPIC, member, "MemberEnrolled", "Member", 0, enrolled);
                    }
                }
            }
            long reviews = 0;
            for (int i = 0; i < organisations.size(); i += 6) {
                String org = organisations.get(i);
                String reviewId = "R-" + i;
                ObjectNode review = JSON.createObjectNode().put("reviewId", reviewId).put("campaignId", CAMPAIGN)
                        .put("round", "2011-H1").put("subjectType", "ORGANISATION").put("subjectId", org)
                        .put("organisationId", org).put("reviewerId", "leader-1").put("rating", RATINGS[i % 4])
                        .put("rectificationRequired", i % 4 == 3 ? "Hold meetings" : null)
                        .put("rectificationDeadline", i % 4 == 3 ? "2011-08-31" : null);
                sent += send(producer, EVALUATION_TOPIC, reviewId, "ReviewRecorded", "Review", 0, review);
                reviews++;
            }
            long p = 0;
            while (sent < events) {
                String pledgeId = "P" + p++;
                String org = organisations.get(random.nextInt(organisations.size()));
                boolean byMember = random.nextInt(10) < 7;
                ObjectNode pledger = JSON.createObjectNode().put("type", byMember ? "MEMBER" : "ORGANISATION")
                        .put("id", byMember ? org + "-M" + random.nextInt(40) : org)
                        .put("organisationId", org).put("sector", sectorOf.get(org)).put("townshipId", townshipOf.get(org));
                if (byMember) {
                    pledger.put("memberCategory", CATEGORIES[random.nextInt(CATEGORIES.length)]);
                }
                ObjectNode made = JSON.createObjectNode().put("pledgeId", pledgeId).put("campaignId", CAMPAIGN)
                        .put("kind", random.nextBoolean() ? "WORK" : "PRACTICAL_DEED")
                        .put("focus", List.of("CENTRAL_WORK", "OWN_SITUATION", "PUBLIC_WISHES").get(random.nextInt(3)))
                        .put("title", "承诺事项 " + p).put("deadline", "2011-12-31").put("oral", random.nextInt(50) == 0);
                made.set("pledger", pledger);
                made.set("target", JSON.createObjectNode().put("quantity", 3).put("unit", "公里"));
                Instant madeAt = Instant.parse("2011-06-01T02:00:00Z").plusSeconds(random.nextInt(90 * 86_400));
                long sequence = 0;
                sent += send(producer, PLEDGE_TOPIC, pledgeId, "PledgeMade", "Pledge", sequence++, made, madeAt);
                int fate = random.nextInt(100);
                if (fate < 3) {
                    sent += send(producer, PLEDGE_TOPIC, pledgeId, "PledgeWithdrawn", "Pledge", sequence,
                            JSON.createObjectNode().put("pledgeId", pledgeId).put("reason", "merged"), madeAt.plusSeconds(86_400));
                    continue;
                }
                if (fate < 83) {
                    LocalDate approvedOn = LocalDate.of(2011, 9, 1).plusDays(random.nextInt(30));
                    sent += send(producer, PLEDGE_TOPIC, pledgeId, "PledgeApproved", "Pledge", sequence++,
                            JSON.createObjectNode().put("pledgeId", pledgeId).put("approvedOn", approvedOn.toString()),
                            madeAt.plusSeconds(5 * 86_400));
                    if (fate < 63) {
                        sent += send(producer, PLEDGE_TOPIC, pledgeId, "PledgePublished", "Pledge", sequence++,
                                JSON.createObjectNode().put("pledgeId", pledgeId).put("channel", "NOTICE_BOARD")
                                        .put("publishedOn", approvedOn.plusDays(2).toString()), madeAt.plusSeconds(7 * 86_400));
                    }
                    if (fate < 53) {
                        sent += send(producer, PLEDGE_TOPIC, pledgeId, "PledgeFulfilled", "Pledge", sequence,
                                JSON.createObjectNode().put("pledgeId", pledgeId)
                                        .put("fulfilledOn", LocalDate.of(2011, 10, 1).plusDays(random.nextInt(80)).toString())
                                        .put("evidence", "photos"), madeAt.plusSeconds(60 * 86_400));
                        continue;
                    }
                }
                if (fate >= 90) {
                    sent += send(producer, PLEDGE_TOPIC, pledgeId, "PledgeLapsed", "Pledge", sequence,
                            JSON.createObjectNode().put("pledgeId", pledgeId).put("deadline", "2011-12-31"),
                            Instant.parse("2012-01-01T00:00:00Z"));
                }
            }
            producer.flush();
            pledgeCount = p;
            double seconds = (System.nanoTime() - started) / 1e9;
            line("- district: " + (organisations.size() + townships + 1) + " organisations in " + townships
                    + " townships, " + members.size() + " members, " + pledgeCount + " pledges, " + reviews
                    + " reviews; " + sent + " events");
            line(String.format(Locale.ROOT, "- loaded in %.1f s (%,.0f events/s through the producer)", seconds, sent / seconds));
        }
    }

    private long send(KafkaProducer<String, String> producer, String topic, String key, String type,
                      String aggregateType, long sequence, ObjectNode payload) throws Exception {
        return send(producer, topic, key, type, aggregateType, sequence, payload,
                Instant.parse("2011-05-20T01:00:00Z"));
    }

    private long send(KafkaProducer<String, String> producer, String topic, String key, String type,
                      String aggregateType, long sequence, ObjectNode payload, Instant at) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, envelope(type, aggregateType, key, sequence, payload, at)));
        return 1;
    }

    private static String envelope(String type, String aggregateType, String aggregateId, long sequence,
                                   ObjectNode payload, Instant at) throws IOException {
        ObjectNode envelope = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString()).put("type", type).put("revision", "1")
                .put("source", aggregateType.equals("Review") ? "evaluation-service" : "pledge-service")
                .put("aggregateType", aggregateType).put("aggregateId", aggregateId).put("sequence", sequence)
                .put("occurredAt", at.toString()).put("correlationId", UUID.randomUUID().toString());
        envelope.set("actor", JSON.createObjectNode().put("userId", "clerk-1").put("agencyId", "district"));
        envelope.set("payload", payload);
        return JSON.writeValueAsString(envelope);
    }

    private static ObjectNode organisation(String id, String name, String sector, String parent, String township,
                                           List<String> path) {
        ObjectNode node = JSON.createObjectNode().put("organisationId", id).put("name", name)
                .put("kind", parent == null ? "PARTY_COMMITTEE" : "BRANCH").put("sector", sector)
                .put("parentId", parent).put("townshipId", township).put("agencyId", township);
        node.set("path", JSON.valueToTree(path));
        return node;
    }

    // ------------------------------------------------------------------ baseline

    /**
     * The baseline: the fastest of {@value #PLAIN_READS} reads of both topics by a plain consumer. One read takes
     * about a second, and a pause of the JVM that hosts Kafka can slow one read by a third or more.
     */
    private double plainConsumer() {
        double fastest = 0;
        for (int i = 0; i < PLAIN_READS; i++) {
            fastest = Math.max(fastest, plainConsumerRead());
        }
        line(String.format(Locale.ROOT, "- plain consumer, the fastest of %d reads: %,.0f events/s", PLAIN_READS,
                fastest));
        return fastest;
    }

    /** Reads both topics from the beginning with one plain consumer, as the rebuild does; returns events/s. */
    private double plainConsumerRead() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : List.of(PLEDGE_TOPIC, EVALUATION_TOPIC)) {
                for (int p = 0; p < partitions; p++) {
                    all.add(new TopicPartition(topic, p));
                }
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long started = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (read < total) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var record : records) {
                    bytes += record.value().length();
                }
                read += records.count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = read / seconds;
            line(String.format(Locale.ROOT, "- plain consumer: %,d events (%,.0f MB of JSON) in %.1f s = %,.0f events/s",
                    read, bytes / 1e6, seconds, rate));
            return rate;
        }
    }

    // ------------------------------------------------------------------ the service

    private void startService() throws Exception {
        int port = FreePorts.free();
        baseUrl = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + serviceHeap));
        String extra = System.getProperty("benchmark.service.opts", "");
        if (!extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(Arrays.asList("-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.data.mongodb.uri=" + mongo.connectionString() + "/reporting",
                "--campaign.topics.pledge-events=" + PLEDGE_TOPIC,
                "--campaign.topics.evaluation-events=" + EVALUATION_TOPIC,
                "--campaign.reporting.live.auto-start=false",
                // Measures the service, not token validation: no sign-in server runs beside it.
                "--campaign.security.trust-headers=true",
                "--logging.level.root=WARN",
                "--logging.level.org.campaign.reporting.rebuild=INFO",
                "--logging.level.org.campaign.reporting.store.GenerationBuilder=INFO"));
        service = new ProcessBuilder(command).inheritIO().start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                if (get("/actuator/health").get("status").asText().equals("UP")) {
                    return;
                }
            } catch (IOException | RuntimeException starting) {
                // not listening yet
            }
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new IllegalStateException("The reporting service did not start");
            }
            Thread.sleep(500);
        }
    }

    /** Rebuilds every read model from the topics; returns the replay speed the rebuild reports. */
    private double replay() throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/reports/rebuilds"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(started.body()).get("rebuildId").asText();
        JsonNode progress;
        long begun = System.nanoTime();
        while (true) {
            progress = get("/api/reports/rebuilds/" + id);
            String state = progress.get("state").asText();
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                break;
            }
            Thread.sleep(1000);
        }
        if (!progress.get("state").asText().equals("COMPLETED")) {
            throw new IllegalStateException("Rebuild failed: " + progress);
        }
        double wall = (System.nanoTime() - begun) / 1e9;
        double rate = progress.get("eventsPerSecond").asDouble();
        line(String.format(Locale.ROOT, "- replay (blue-green rebuild into a fresh generation): %,d events in %.1f s "
                + "(request to switch-over) = %,.0f events/s as reported by the rebuild", progress.get("eventsDone").asLong(),
                wall, rate));
        JsonNode summary = get("/api/reports/pledges/summary");
        JsonNode fulfilment = summary.get("fulfilmentRate");
        line("- figures after the rebuild: made " + summary.get("made").asLong() + " (generated " + pledgeCount
                + "), fulfilled " + summary.get("fulfilled").asLong() + ", rate "
                + (fulfilment.isNumber() ? fulfilment.asText() + "%" : "none (nothing to rate)"));
        return rate;
    }

    /**
     * Times each statistics query after a warm-up: every query in turn for {@value #QUERY_WARM_UP_SECONDS} s, then 30
     * requests of the query about to be timed. A service that has just started and rebuilt has compiled little of its
     * request path; without the warm-up, whichever query is timed first is slowed by the JIT (p50 about 8 ms instead
     * of about 4 ms, at any position in the list).
     */
    private void queryLatency() throws Exception {
        line("");
        line("## Query latency (HTTP round trip from the benchmark JVM, " + pledgeCount + " pledges)");
        line("");
        List<String> queries = List.of(
                "/api/reports/pledges/summary",
                "/api/reports/pledges/summary?campaignId=" + CAMPAIGN,
                "/api/reports/pledges/timeline?period=week&campaignId=" + CAMPAIGN,
                "/api/reports/rankings?by=township&campaignId=" + CAMPAIGN,
                "/api/reports/reviews?campaignId=" + CAMPAIGN,
                TREE_QUERIES.get(0),
                TREE_QUERIES.get(1));
        long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(QUERY_WARM_UP_SECONDS);
        int warmUpRequests = 0;
        while (System.nanoTime() < warmUpEnds) {
            get(queries.get(warmUpRequests++ % queries.size()));
        }
        line("- after a warm-up of " + warmUpRequests + " requests (every query in turn for " + QUERY_WARM_UP_SECONDS
                + " s)");
        line("");
        line("| query | p50 ms | p99 ms | max ms |");
        line("| --- | --- | --- | --- |");
        for (String query : queries) {
            for (int i = 0; i < 30; i++) {
                get(query);
            }
            int n = query.contains("organisations/") || query.contains("coverage") ? 100 : 500;
            long[] samples = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                get(query);
                samples[i] = System.nanoTime() - t0;
            }
            Arrays.sort(samples);
            line(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f |", query, percentile(samples, 0.50) / 1e6,
                    percentile(samples, 0.99) / 1e6, samples[n - 1] / 1e6));
        }
    }

    /**
     * Publishes background pledges at a steady rate and, every 200 ms, a probe pledge of a campaign of its own; the
     * probe's campaign summary is then read every {@code benchmark.freshness.poll-ms} (default 25 ms — polling much
     * faster would itself load the single-threaded in-process MongoDB server the projection writes to). Freshness of
     * a probe = from the producer's acknowledgement to the first summary that counts it.
     */
    private void freshness() throws Exception {
        String probeCampaign = "probe";
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong background = new AtomicLong();
        Thread load = steadyLoad("S", running, background);
        load.start();
        Thread.sleep(3000);
        List<Long> freshness = new ArrayList<>();
        try (KafkaProducer<String, String> probes = producer(0)) {
            // The probes' campaign is defined first, as the pledge service would: reports of an unknown one are 404s.
            ObjectNode campaign = JSON.createObjectNode().put("campaignId", probeCampaign).put("name", "probe")
                    .put("startsOn", "2010-06-01").put("endsOn", "2012-06-30");
            campaign.putArray("phases");
            probes.send(new ProducerRecord<>(PLEDGE_TOPIC, probeCampaign, envelope("CampaignDefined", "Campaign",
                    probeCampaign, 0, campaign, Instant.now()))).get(10, TimeUnit.SECONDS);
            long defined = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (status("/api/reports/pledges/summary?campaignId=" + probeCampaign) != 200) {
                if (System.nanoTime() > defined) {
                    throw new IllegalStateException("Campaign " + probeCampaign + " not known after 30 s");
                }
                Thread.sleep(pollMillis);
            }
            long end = System.nanoTime() + Duration.ofSeconds(freshnessSeconds).toNanos();
            int k = 0;
            while (System.nanoTime() < end) {
                k++;
                String pledgeId = "probe-" + k;
                Future<?> ack = probes.send(new ProducerRecord<>(PLEDGE_TOPIC, pledgeId, envelope("PledgeMade", "Pledge",
                        pledgeId, 0, simplePledge(pledgeId, probeCampaign), Instant.now())));
                ack.get(10, TimeUnit.SECONDS);
                long acknowledged = System.nanoTime();
                long deadline = acknowledged + Duration.ofSeconds(30).toNanos();
                while (get("/api/reports/pledges/summary?campaignId=" + probeCampaign).get("made").asLong() < k) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Probe " + k + " not visible after 30 s");
                    }
                    Thread.sleep(pollMillis);
                }
                freshness.add(System.nanoTime() - acknowledged);
                Thread.sleep(200);
            }
        } finally {
            running.set(false);
            load.join(5000);
        }
        long[] samples = freshness.stream().mapToLong(Long::longValue).sorted().toArray();
        line("");
        line("## Freshness (event acknowledged by Kafka → figure visible over HTTP)");
        line("");
        line(String.format(Locale.ROOT, "- steady load %,d events/s for %d s (%,d background events), %d probes, "
                + "summary polled every %d ms", freshnessRate, freshnessSeconds, background.get(), samples.length, pollMillis));
        line(String.format(Locale.ROOT, "- p50 %.0f ms, p99 %.0f ms, max %.0f ms", percentile(samples, 0.50) / 1e6,
                percentile(samples, 0.99) / 1e6, samples[samples.length - 1] / 1e6));
        JsonNode lag = get("/api/reports/lag");
        line("- lag after the run: " + lag.get("totalLag").asLong() + " records");
    }

    /**
     * A thread that publishes background pledges, with ids {@code <prefix><n>}, at {@code benchmark.freshness.rate}
     * per second while running.
     */
    private Thread steadyLoad(String prefix, AtomicBoolean running, AtomicLong background) {
        return new Thread(() -> {
            try (KafkaProducer<String, String> producer = producer(5)) {
                long interval = 1_000_000_000L / freshnessRate;
                long next = System.nanoTime();
                while (running.get()) {
                    String pledgeId = prefix + background.incrementAndGet();
                    producer.send(new ProducerRecord<>(PLEDGE_TOPIC, pledgeId, envelope("PledgeMade", "Pledge", pledgeId, 0,
                            simplePledge(pledgeId, "steady"), Instant.now())));
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "steady-load");
    }

    /**
     * Reads the two tree reports in turn every 100 ms for {@code benchmark.freshness.seconds} under the same steady
     * load: with the projection writing between most of them, each reads every organisation's figures afresh (while
     * nothing is written, they share one read). A phase of its own, as these reads load the in-process MongoDB
     * server and would slow the projection down while freshness is measured.
     */
    private void treeReportsUnderLoad() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong background = new AtomicLong();
        Thread load = steadyLoad("T", running, background);
        load.start();
        Thread.sleep(3000);
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        TREE_QUERIES.forEach(query -> latencies.put(query, new ArrayList<>()));
        try {
            long end = System.nanoTime() + Duration.ofSeconds(freshnessSeconds).toNanos();
            while (System.nanoTime() < end) {
                for (String query : TREE_QUERIES) {
                    long t0 = System.nanoTime();
                    get(query);
                    latencies.get(query).add(System.nanoTime() - t0);
                    Thread.sleep(100);
                }
            }
        } finally {
            running.set(false);
            load.join(5000);
        }
        line("");
        line("## Tree reports under the steady load");
        line("");
        line(String.format(Locale.ROOT, "- %,d events/s for %d s (%,d background events), the two reports read in turn "
                + "every 100 ms", freshnessRate, freshnessSeconds, background.get()));
        line("");
        line("| query | requests | p50 ms | p99 ms | max ms |");
        line("| --- | --- | --- | --- | --- |");
        for (Map.Entry<String, List<Long>> query : latencies.entrySet()) {
            long[] sorted = query.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            line(String.format(Locale.ROOT, "| `%s` | %d | %.1f | %.1f | %.1f |", query.getKey(), sorted.length,
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6));
        }
        line("- lag after the phase: " + get("/api/reports/lag").get("totalLag").asLong() + " records");
    }

    private ObjectNode simplePledge(String pledgeId, String campaign) {
        String org = organisations.get(random.nextInt(organisations.size()));
        ObjectNode pledger = JSON.createObjectNode().put("type", "ORGANISATION").put("id", org)
                .put("organisationId", org).put("sector", sectorOf.get(org)).put("townshipId", townshipOf.get(org));
        ObjectNode made = JSON.createObjectNode().put("pledgeId", pledgeId).put("campaignId", campaign)
                .put("kind", "WORK").put("focus", "CENTRAL_WORK").put("title", "probe").put("deadline", "2011-12-31")
                .put("oral", false);
        made.set("pledger", pledger);
        return made;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).build();
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
