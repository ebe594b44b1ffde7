package io.newsflow.processing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Checks, before the job starts, what would otherwise fail later and obscurely: the three topics exist, and
 * with exactly-once the sink's transaction timeout is within the broker's {@code transaction.max.timeout.ms}
 * (else every transaction is refused at the first checkpoint with InvalidTxnTimeoutException).
 */
public final class StartupChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StartupChecks() {}

    /** @throws IllegalStateException naming the problem and the setting that fixes it */
    public static void check(EnrichmentJobConfig config) {
        Map<String, Object> admin = new java.util.HashMap<>(config.kafka());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            checkTopics(client, List.of(config.inputTopic(), config.outputTopic(), config.dlqTopic()));
            if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
                checkTransactionTimeout(client, sinkTransactionTimeoutMs(config));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka at " + config.bootstrapServers(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers() + ": " + cause.getMessage(), cause);
        }
    }

    static long sinkTransactionTimeoutMs(EnrichmentJobConfig config) {
        String override = config.kafka().get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        return override == null ? EnrichmentJobConfig.SINK_TRANSACTION_TIMEOUT_MS : Long.parseLong(override.strip());
    }

    private static void checkTopics(Admin client, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        var existing = client.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> missing = topics.stream().filter(t -> !existing.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("topics " + missing + " do not exist: create them first "
                    + "(kafka-topics.sh --create, or ./newsflow up creates its own)");
        }
    }

    private static void checkTransactionTimeout(Admin client, long sinkTimeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Collection<Node> nodes = client.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (Node node : nodes) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
            Config config = client.describeConfigs(List.of(broker)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(broker);
            ConfigEntry max = config.get("transaction.max.timeout.ms");
            if (max != null && max.value() != null && sinkTimeoutMs > Long.parseLong(max.value())) {
                throw new IllegalStateException("the sink's transaction.timeout.ms (" + sinkTimeoutMs + ") is above broker "
                        + node.idString() + "'s transaction.max.timeout.ms (" + max.value() + "): set "
                        + "--kafka.transaction.timeout.ms to at most " + max.value() + ", or raise the broker's limit");
            }
        }
    }
}
