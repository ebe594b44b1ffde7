package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job refuses to start, with the fix in the message, where it would otherwise fail at the first checkpoint. */
class StartupChecksIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        // a broker that allows transactions of at most 5 minutes
        broker = EmbeddedKafkaBroker.start(Path.of("target", "kafka-" + UUID.randomUUID()), 0,
                Map.of("transaction.max.timeout.ms", "300000"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static EnrichmentJobConfig config(String run, String... args) {
        return EnrichmentJobConfig.fromArgs(args).withBootstrapServers(broker.bootstrapServers())
                .withTopics("in-" + run, "out-" + run, "dlq-" + run);
    }

    @Test
    void aSinkTransactionTimeoutAboveTheBrokersLimitIsRefusedWithTheFix() {
        String run = UUID.randomUUID().toString();
        broker.createTopics(1, "in-" + run, "out-" + run, "dlq-" + run);

        assertThatThrownBy(() -> StartupChecks.check(config(run)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction.timeout.ms (600000) is above broker 1's transaction.max.timeout.ms (300000)")
                .hasMessageContaining("--kafka.transaction.timeout.ms");
        assertThatCode(() -> StartupChecks.check(config(run, "--kafka.transaction.timeout.ms", "240000"))).doesNotThrowAnyException();
        assertThatCode(() -> StartupChecks.check(config(run, "--delivery-guarantee", "at-least-once"))).doesNotThrowAnyException();
    }

    @Test
    void missingTopicsAreNamed() {
        String run = UUID.randomUUID().toString();

        assertThatThrownBy(() -> StartupChecks.check(config(run)))
                .hasMessageContaining("topics [in-" + run + ", out-" + run + ", dlq-" + run + "] do not exist");
    }
}
