package io.newsflow.ingest;

import io.newsflow.schemas.Article;
import io.newsflow.schemas.serde.ArticleSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the input topic, keyed by article id, as Avro single-object encoded values.
 *
 * <p>The producer is durable by default ({@code acks=all}, idempotence on, so a retry never writes a record
 * twice) and compresses batches. An article counts as published only when Kafka acknowledged it: each
 * {@link #publish} returns a future that completes with the record's offset or fails with Kafka's error. A
 * retriable error that outlived the producer's own retries is logged and fails that article only; any other
 * error (authorisation, a missing topic, a record too large) stops the publisher, and later calls fail with
 * the first error's message. Settings passed in {@code kafka} (e.g. SASL/SSL) override the defaults.
 */
public final class ArticlePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, Article> producer;
    private final String bootstrapServers;
    private final Map<String, String> kafka;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> fatal = new AtomicReference<>();

    public ArticlePublisher(String bootstrapServers, String topic, Map<String, String> kafka) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.bootstrapServers = bootstrapServers;
        this.kafka = Map.copyOf(kafka);
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, kafka),
                new StringSerializer(), new ArticleSerde.Serializer());
    }

    static Map<String, Object> producerConfig(String bootstrapServers, Map<String, String> kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // batches of many articles: a produce request costs the broker and the producer about the same whatever
        // it carries; a batch waits up to 20 ms to fill, which is all it adds to an article's latency
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        config.putAll(kafka);
        return config;
    }

    /**
     * Checks, before anything is read, that Kafka answers with these settings and that the topic exists — so
     * wrong credentials or a mistyped topic fail the run at once with one clear message, instead of failing every
     * article (a missing topic would hold each send for {@code max.block.ms}).
     *
     * @throws IllegalStateException naming the broker or the topic and Kafka's reason
     */
    public void checkTopic() {
        checkTopic(CHECK_TIMEOUT);
    }

    void checkTopic(Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Admin admin = Admin.create(config);
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic " + topic + " does not exist on Kafka at " + bootstrapServers
                        + ": create it first (or ./newsflow up creates its own)");
            }
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": no answer in "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka at " + bootstrapServers, e);
        } finally {
            // without a timeout, close() waits for the unanswered request until Kafka's own API timeout (60 s)
            admin.close(Duration.ZERO);
        }
    }

    /**
     * Sends one article; the future completes when Kafka acknowledged it.
     *
     * @throws IllegalStateException if an earlier send failed with a non-retriable error
     */
    public CompletableFuture<RecordMetadata> publish(Article article) {
        Exception stop = fatal.get();
        if (stop != null) {
            throw new IllegalStateException("publisher stopped after an earlier error: " + stop.getMessage(), stop);
        }
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, article.getId(), article), (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
                LOG.debug("Published article {} to {}-{}@{}", article.getId(), metadata.topic(),
                        metadata.partition(), metadata.offset());
                result.complete(metadata);
                return;
            }
            if (error instanceof RetriableException) {
                LOG.warn("Kafka did not acknowledge article {} in time: {}", article.getId(), error.getMessage());
            } else if (fatal.compareAndSet(null, error)) {
                LOG.error("Publishing to {} failed, stopping: {}", topic, error.getMessage());
            }
            result.completeExceptionally(error);
        });
        return result;
    }

    /** Waits until every article sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** The non-retriable error that stopped this publisher, if one did. */
    public Optional<Exception> failure() {
        return Optional.ofNullable(fatal.get());
    }

    /** How many articles Kafka acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
