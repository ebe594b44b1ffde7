package io.newsflow.processing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before the job starts, what would otherwise fail later and obscurely: the three topics exist; and
 * with exactly-once, the sink's transaction timeout is within the broker's {@code transaction.max.timeout.ms}
 * (else every transaction is refused at the first checkpoint with InvalidTxnTimeoutException), and no other
 * job writes with our transactional ids (the two would fence each other's producers, each failing the other in
 * turn).
 */
public final class StartupChecks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StartupChecks() {}

    /** @throws IllegalStateException naming the problem and the setting that fixes it */
    public static void check(EnrichmentJobConfig config) {
        try (Admin client = Admin.create(KafkaConnectors.adminConfig(config))) {
            checkTopics(client, List.of(config.inputTopic(), config.outputTopic(), config.dlqTopic(), config.controlTopic()));
            if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
                checkTransactionTimeout(client, sinkTransactionTimeoutMs(config));
                checkTransactionalIdsAreOurs(client, config);
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

    /**
     * A transaction open under our transactional ids that writes to a topic other than our output and
     * dead-letter topics belongs to another job with the same prefix. (One that writes to our own topics may be
     * this job's previous run, whose transactions the sink aborts at start; a second copy of this very job cannot
     * be told apart from it.) Listing transactions needs DESCRIBE on transactional ids; without it the check is
     * skipped with a warning.
     */
    static void checkTransactionalIdsAreOurs(Admin client, EnrichmentJobConfig config)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> prefixes = KafkaConnectors.TRANSACTIONAL_ID_SUFFIXES.stream()
                .map(suffix -> config.transactionalIdPrefix() + suffix + "-").toList();
        List<String> ours;
        try {
            ours = client.listTransactions().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId)
                    .filter(id -> prefixes.stream().anyMatch(id::startsWith))
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                LOG.warn("Not checking that transactional id prefix '{}' is unique to this job: {}",
                        config.transactionalIdPrefix(), e.getCause().getMessage());
                return;
            }
            throw e;
        }
        if (ours.isEmpty()) {
            return;
        }
        Set<String> ourTopics = Set.of(config.outputTopic(), config.dlqTopic());
        Map<String, TransactionDescription> open = client.describeTransactions(ours).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (Map.Entry<String, TransactionDescription> transaction : new TreeMap<>(open).entrySet()) {
            List<String> foreign = transaction.getValue().topicPartitions().stream().map(TopicPartition::topic)
                    .filter(topic -> !ourTopics.contains(topic)).distinct().sorted().toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException("transactional id prefix '" + config.transactionalIdPrefix()
                        + "' is in use by another job: its transaction " + transaction.getKey() + " writes to "
                        + foreign + ", not to this job's topics; give each job its own --transactional-id-prefix");
            }
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
