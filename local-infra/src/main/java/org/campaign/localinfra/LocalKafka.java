package org.campaign.localinfra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Real single-node Kafka broker running in this JVM in KRaft combined mode (broker + controller).
 * The storage directory is formatted only on first use, so reusing the same directory keeps topics and records.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker keeping its data in {@code dataDir}. Port 0 picks a free port. */
    public static LocalKafka start(Path dataDir, int port) {
        int brokerPort = FreePorts.orFree(port);
        int controllerPort = FreePorts.free();
        Path logDir = dataDir.toAbsolutePath().resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, brokerPort, controllerPort), false);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config, logDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            LocalKafka kafka = new LocalKafka(server, brokerPort);
            try {
                kafka.awaitReady();
            } catch (Exception e) {
                kafka.close();
                throw e;
            }
            log.info("Kafka broker listening on {} (data in {})", kafka.bootstrapServers(), logDir);
            return kafka;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start local Kafka broker in " + dataDir, e);
        }
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB compaction buffer is far too much for a development broker.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return p;
    }

    private static void format(KafkaConfig config, Path logDir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(config.controllerListenerNames().head())
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDir.toString())
                .run();
        log.debug("Formatted Kafka storage: {}", output.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitReady() throws Exception {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STARTUP_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(conf)) {
            admin.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public int port() {
        return port;
    }

    /** Bootstrap servers for clients, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Shuts the broker and controller down cleanly and waits until they have stopped. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
