package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.broker.EmbeddedKafkaExtension;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job refuses to start, with the fix in the message, where it would otherwise fail at the first checkpoint. */
class StartupChecksIT {

    // a broker that allows transactions of at most 5 minutes
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension(Map.of("transaction.max.timeout.ms", "300000"));

    private static EnrichmentJobConfig config(String run, String... args) {
        return EnrichmentJobConfig.fromArgs(args).withBootstrapServers(KAFKA.broker().bootstrapServers())
                .withTopics("in-" + run, "out-" + run, "dlq-" + run).withControlTopic("control-" + run);
    }

    @Test
    void aSinkTransactionTimeoutAboveTheBrokersLimitIsRefusedWithTheFix() {
        String run = UUID.randomUUID().toString();
        KAFKA.broker().createTopics(1, "in-" + run, "out-" + run, "dlq-" + run, "control-" + run);

        assertThatThrownBy(() -> StartupChecks.check(config(run)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction.timeout.ms (600000) is above broker 1's transaction.max.timeout.ms (300000)")
                .hasMessageContaining("--kafka.transaction.timeout.ms");
        assertThatCode(() -> StartupChecks.check(config(run, "--kafka.transaction.timeout.ms", "240000"))).doesNotThrowAnyException();
        assertThatCode(() -> StartupChecks.check(config(run, "--delivery-guarantee", "at-least-once"))).doesNotThrowAnyException();
    }

    @Test
    void anotherJobWritingWithTheSameTransactionalIdsIsRefused() throws Exception {
        String run = UUID.randomUUID().toString();
        KAFKA.broker().createTopics(1, "in-" + run, "out-" + run, "dlq-" + run, "control-" + run, "elsewhere-" + run);
        // another job, prefix "shared-<run>", in the middle of a transaction to its own output topic
        try (KafkaProducer<String, String> other = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "shared-" + run + "-enriched-0-7"),
                new StringSerializer(), new StringSerializer())) {
            other.initTransactions();
            other.beginTransaction();
            other.send(new ProducerRecord<>("elsewhere-" + run, "k", "v")).get();
            try {
                assertThatThrownBy(() -> StartupChecks.check(config(run, "--transactional-id-prefix", "shared-" + run,
                        "--kafka.transaction.timeout.ms", "240000")))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("transactional id prefix 'shared-" + run + "' is in use by another job: its "
                                + "transaction shared-" + run + "-enriched-0-7 writes to [elsewhere-" + run + "], not to "
                                + "this job's topics; give each job its own --transactional-id-prefix");
                assertThatCode(() -> StartupChecks.check(config(run, "--transactional-id-prefix", "own-" + run,
                        "--kafka.transaction.timeout.ms", "240000"))).doesNotThrowAnyException();
            } finally {
                other.abortTransaction();
            }
        }
    }

    @Test
    void thisJobsOwnOpenTransactionsAreNoConflict() throws Exception {
        String run = UUID.randomUUID().toString();
        KAFKA.broker().createTopics(1, "in-" + run, "out-" + run, "dlq-" + run, "control-" + run);
        // what a crashed run of this job leaves behind: a transaction open on its own output topic
        try (KafkaProducer<String, String> previous = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.broker().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "mine-" + run + "-dlq-1-3"),
                new StringSerializer(), new StringSerializer())) {
            previous.initTransactions();
            previous.beginTransaction();
            previous.send(new ProducerRecord<>("dlq-" + run, "k", "v")).get();
            try {
                assertThatCode(() -> StartupChecks.check(config(run, "--transactional-id-prefix", "mine-" + run,
                        "--kafka.transaction.timeout.ms", "240000"))).doesNotThrowAnyException();
            } finally {
                previous.abortTransaction();
            }
        }
    }

    @Test
    void missingTopicsAreNamed() {
        String run = UUID.randomUUID().toString();

        assertThatThrownBy(() -> StartupChecks.check(config(run)))
                .hasMessageContaining("topics [in-" + run + ", out-" + run + ", dlq-" + run + ", control-" + run + "] do not exist");
    }
}
