package org.campaign.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.campaign.contracts.Topics;
import org.campaign.localinfra.LocalKafka;
import org.campaign.localinfra.LocalMongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft) and a MongoDB wire-protocol
 * server (mongo-java-server on an H2 file) in this JVM, and the sign-in server, the three services and the
 * gateway as child JVMs started from their packaged jars. Everything is kept in one data folder; delete it to start from nothing.
 */
public final class LocalStack implements AutoCloseable {

    /** Where everything listens. */
    public record Ports(int gateway, int pledge, int evaluation, int reporting, int auth, int kafka, int mongo) {

        public static final Ports DEFAULT = new Ports(8080, 8081, 8082, 8083, 9000, 19092, 37017);
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int TOPIC_PARTITIONS = 6;

    private final LocalKafka kafka;
    private final LocalMongo mongo;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Ports ports;

    private LocalStack(LocalKafka kafka, LocalMongo mongo, Ports ports) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.ports = ports;
    }

    /**
     * Starts the stack.
     *
     * @param projectRoot the checkout, whose modules' {@code target/} folders hold the service jars
     * @param dataDir     the folder for Kafka's log, the MongoDB file and the services' logs
     */
    public static LocalStack start(Path projectRoot, Path dataDir, Ports ports) throws Exception {
        Files.createDirectories(dataDir);
        LocalKafka kafka = LocalKafka.start(dataDir.resolve("kafka"), ports.kafka());
        LocalMongo mongo = LocalMongo.persistent(dataDir.resolve("mongo").resolve("campaign.mv"), ports.mongo());
        LocalStack stack = new LocalStack(kafka, mongo, ports);
        try {
            stack.createTopics();
            stack.startServices(projectRoot, dataDir);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServices(Path root, Path data) throws Exception {
        Path logs = data.resolve("logs");
        String kafkaAddress = "spring.kafka.bootstrap-servers=" + kafka.bootstrapServers();
        String issuer = issuerUrl();
        String trustIssuer = "campaign.security.issuer=" + issuer;
        services.add(ServiceProcess.start("auth-server", jar(root, "auth-server"), ports.auth(), List.of(
                "campaign.auth.issuer=" + issuer,
                "campaign.auth.key-file=" + data.resolve("auth").resolve("signing-key.json")), logs));
        services.add(ServiceProcess.start("pledge-service", jar(root, "pledge-service"), ports.pledge(),
                List.of(kafkaAddress, mongoUri("pledge"), trustIssuer), logs));
        services.add(ServiceProcess.start("evaluation-service", jar(root, "evaluation-service"),
                ports.evaluation(), List.of(kafkaAddress, mongoUri("evaluation"), trustIssuer), logs));
        services.add(ServiceProcess.start("reporting-service", jar(root, "reporting-service"),
                ports.reporting(), List.of(kafkaAddress, mongoUri("reporting"), trustIssuer), logs));
        services.add(ServiceProcess.start("gateway", jar(root, "gateway"), ports.gateway(), List.of(
                "platform.services.pledge.uri=http://127.0.0.1:" + ports.pledge(),
                "platform.services.evaluation.uri=http://127.0.0.1:" + ports.evaluation(),
                "platform.services.reporting.uri=http://127.0.0.1:" + ports.reporting(),
                "platform.access.issuer=" + issuer), logs));
        ExecutorService waiters = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<Void>> started = new ArrayList<>();
            for (ServiceProcess service : services) {
                Callable<Void> await = () -> {
                    service.awaitHealthy(START_TIMEOUT);
                    return null;
                };
                started.add(waiters.submit(await));
            }
            for (Future<Void> future : started) {
                future.get();
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    /**
     * Creates the event topics before any service starts, so that the reporting service's consumer finds them at
     * once instead of waiting for its next metadata refresh.
     */
    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Stream.of(Topics.PLEDGE_EVENTS, Topics.EVALUATION_EVENTS)
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, TOPIC_PARTITIONS, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get();
        }
    }

    private String mongoUri(String database) {
        return "spring.data.mongodb.uri=" + mongo.connectionString() + "/" + database;
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    /** The sign-in server: tokens are requested at {@code <issuer>/oauth2/token}. */
    public String issuerUrl() {
        return "http://localhost:" + ports.auth();
    }

    /** A service's own address, behind the gateway. */
    public String serviceUrl(String name) {
        int port = switch (name) {
            case "pledge-service" -> ports.pledge();
            case "evaluation-service" -> ports.evaluation();
            case "reporting-service" -> ports.reporting();
            case "auth-server" -> ports.auth();
            default -> throw new IllegalArgumentException("No service " + name);
        };
        return "http://127.0.0.1:" + port;
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        mongo.close();
        kafka.close();
    }
}
