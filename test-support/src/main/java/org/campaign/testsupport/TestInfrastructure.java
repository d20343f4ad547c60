package org.campaign.testsupport;

import org.campaign.localinfra.LocalKafka;
import org.campaign.localinfra.LocalMongo;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Kafka broker and MongoDB server shared by all integration tests of one JVM, started lazily on first use.
 * <p>
 * The mode comes from the system property {@value #MODE_PROPERTY} or the environment variable {@value #MODE_ENV}:
 * {@code auto} (default: Docker when available, otherwise embedded), {@code docker} (Testcontainers; fails when no
 * Docker engine is reachable) or {@code embedded} (in-process Kafka and MongoDB wire-protocol server).
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "campaign.test.infrastructure";
    public static final String MODE_ENV = "CAMPAIGN_TEST_INFRASTRUCTURE";
    public static final String DOCKER = "docker";
    public static final String EMBEDDED = "embedded";

    private static final Duration SPRING_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final String mode;
    private final String kafkaBootstrapServers;
    private final String mongoConnectionString;
    private final List<AutoCloseable> resources;

    private TestInfrastructure(String mode, String kafka, String mongo, List<AutoCloseable> resources) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafka;
        this.mongoConnectionString = mongo;
        this.resources = resources;
    }

    private static final class Holder {
        static final TestInfrastructure INSTANCE = start();
    }

    /** The JVM-wide instance; started on the first call and stopped when the JVM exits. */
    public static TestInfrastructure shared() {
        return Holder.INSTANCE;
    }

    /** {@code docker} or {@code embedded}. */
    public String mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** MongoDB connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String mongoConnectionString() {
        return mongoConnectionString;
    }

    /** MongoDB connection string selecting {@code database}, e.g. {@code mongodb://127.0.0.1:27017/test-1}. */
    public String mongoUri(String database) {
        return mongoConnectionString + "/" + database;
    }

    static String resolveMode(String requested, BooleanSupplier dockerAvailable) {
        String mode = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "auto":
                return dockerAvailable.getAsBoolean() ? DOCKER : EMBEDDED;
            case DOCKER:
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(MODE_PROPERTY + "=docker was requested but no Docker engine is "
                            + "available; start Docker or use " + MODE_PROPERTY + "=embedded (or auto)");
                }
                return DOCKER;
            case EMBEDDED:
                return EMBEDDED;
            default:
                throw new IllegalArgumentException("Unknown " + MODE_PROPERTY + " '" + requested
                        + "'; expected auto, docker or embedded");
        }
    }

    private static TestInfrastructure start() {
        String requested = System.getProperty(MODE_PROPERTY, System.getenv(MODE_ENV));
        String mode = resolveMode(requested, () -> DockerClientFactory.instance().isDockerAvailable());
        TestInfrastructure infra = DOCKER.equals(mode) ? startContainers() : startEmbedded();
        Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "test-infrastructure-shutdown"));
        System.out.println("[test-infrastructure] mode=" + infra.mode + " kafka=" + infra.kafkaBootstrapServers
                + " mongo=" + infra.mongoConnectionString);
        return infra;
    }

    private static TestInfrastructure startContainers() {
        MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        Startables.deepStart(mongo, kafka).join();
        return new TestInfrastructure(DOCKER, kafka.getBootstrapServers(), mongo.getConnectionString(),
                List.of(kafka::stop, mongo::stop));
    }

    private static TestInfrastructure startEmbedded() {
        Path dir;
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(tmp);
            dir = Files.createTempDirectory(tmp, "campaign-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create embedded Kafka directory", e);
        }
        LocalMongo mongo = LocalMongo.inMemory(0);
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(dir, 0);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
        return new TestInfrastructure(EMBEDDED, kafka.bootstrapServers(), mongo.connectionString(),
                List.of(kafka, mongo, () -> deleteRecursively(dir)));
    }

    private void stop() {
        // Let cached Spring test contexts close their Kafka/Mongo clients first, so they do not hang on a dead broker.
        awaitSpringShutdownHooks();
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        failures.forEach(e -> System.err.println("[test-infrastructure] shutdown problem: " + e));
    }

    private static void awaitSpringShutdownHooks() {
        long deadline = System.nanoTime() + SPRING_SHUTDOWN_GRACE.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread != Thread.currentThread() && name.startsWith("Spring") && name.endsWith("ShutdownHook")) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
