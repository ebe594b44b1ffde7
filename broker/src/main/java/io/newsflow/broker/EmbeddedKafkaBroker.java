package io.newsflow.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker in KRaft mode (broker and controller in one node) running inside this JVM.
 * It is the broker of the local runtime ({@code ./newsflow demo}, {@code ./newsflow up}) and of the integration
 * tests: the same {@code kafka_2.13} code as a production broker, configured for one node (replication
 * factor 1 for the offsets and transaction-state topics, no topic auto-creation).
 *
 * <p>The log directory is formatted on first start and reused as it is on a restart, so a test can stop the
 * broker and start it again on the same data.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "localhost";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final Map<String, Object> clientSecurity;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, Map<String, String> overrides,
                                Map<String, Object> clientSecurity) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
        this.clientSecurity = Map.copyOf(clientSecurity);
    }

    /**
     * Starts a broker and waits until it answers clients.
     *
     * @param logDir where the broker keeps its logs and metadata; formatted if new, reused if not
     * @param port the client port on localhost, or 0 for any free port
     * @param overrides broker settings that replace the defaults (e.g. listeners with SASL)
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, Map<String, String> overrides) {
        int clientPort = port == 0 ? freePort() : checkFree(port);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, clientPort, freePort(), overrides, Map.of());
        broker.startServer();
        return broker;
    }

    /**
     * Starts a broker whose client listener takes SASL/PLAIN over plain TCP ({@code SASL_PLAINTEXT}), with the
     * given users and passwords; user {@code admin} (password {@code adminPassword}) is the broker's own.
     */
    public static EmbeddedKafkaBroker startWithSaslPlain(Path logDir, String adminPassword, Map<String, String> users) {
        int clientPort = freePort();
        int controllerPort = freePort();
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"admin\" password=\"" + adminPassword + "\" user_admin=\"" + adminPassword + "\"");
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        jaas.append(';');
        Map<String, String> sasl = new java.util.HashMap<>();
        sasl.put("listeners", "SASL_PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        sasl.put("advertised.listeners", "SASL_PLAINTEXT://" + HOST + ":" + clientPort);
        sasl.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        sasl.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        sasl.put("sasl.enabled.mechanisms", "PLAIN");
        sasl.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        sasl.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.toString());
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, clientPort, controllerPort, sasl,
                saslPlainClient("admin", adminPassword));
        broker.startServer();
        return broker;
    }

    /** Kafka client settings that log in with SASL/PLAIN as the given user. */
    public static Map<String, Object> saslPlainClient(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    /** Starts a broker on any free port with the default settings. */
    public static EmbeddedKafkaBroker start(Path logDir) {
        return start(logDir, 0, Map.of());
    }

    /** {@code localhost:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public boolean isRunning() {
        return server != null;
    }

    /**
     * Creates topics that do not exist yet (existing ones are left as they are) and returns once every partition
     * has its leader: a producer writing at once to a partition that is not ready could have its first batch
     * refused and retried after later ones, which an idempotent producer cannot recover from.
     */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            List<String> names = topics.stream().map(NewTopic::name).toList();
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!leadersKnown(admin, names)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + names + " have no leader after "
                            + READY_TIMEOUT.toSeconds() + " s");
                }
                Thread.onSpinWait();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker at " + bootstrapServers() + " did not create topics in 30 s", e);
        }
    }

    /** Whether every partition of the topics has a leader; a topic the broker does not serve yet has none. */
    private static boolean leadersKnown(Admin admin, List<String> names)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    /** Creates topics with the given partition count and replication factor 1. */
    public void createTopics(int partitions, String... names) {
        createTopics(Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList());
    }

    /** Stops the broker, keeping its log directory so that {@link #restart()} finds the data again. */
    public synchronized void stop() {
        if (server != null) {
            LOG.info("Stopping Kafka broker on {}", bootstrapServers());
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same ports and log directory. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        Properties props = brokerProperties();
        format(props);
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            throw new IllegalStateException("cannot start the Kafka broker on port " + port + " (localhost): "
                    + e.getMessage(), e);
        }
        server = starting;
        awaitReady();
        LOG.info("Kafka broker (KRaft) ready on {} with logs in {}", bootstrapServers(), logDir);
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic has one replica, and few partitions keep start-up fast.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // The log cleaner's key map takes 128 MB of heap by default, sized for big compacted topics. Here it
        // shares the heap with the job and cleans only small ones (the control topic, offsets, transactions):
        // 16 MB still holds the keys of ~700,000 records per pass.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        props.putAll(overrides);
        return props;
    }

    private void format(Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // formatted by an earlier start: keep its cluster id and data
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName(props.getProperty("controller.listener.names"))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker on " + bootstrapServers()
                                + " did not become ready in " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private Admin admin() {
        Map<String, Object> config = new java.util.HashMap<>(clientSecurity);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(config);
    }

    private static int checkFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on localhost is in use (another Kafka broker?): "
                    + "stop it or choose another port", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on localhost", e);
        }
    }
}
