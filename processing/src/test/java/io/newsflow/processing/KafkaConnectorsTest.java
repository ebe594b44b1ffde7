package io.newsflow.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaConnectorsTest {

    @Test
    void exactlyOnceSinksWaitLongerForFullBatchesThanAtLeastOnceSinks() {
        Properties exactlyOnce = KafkaConnectors.sinkProducerConfig(EnrichmentJobConfig.defaults());
        Properties atLeastOnce = KafkaConnectors.sinkProducerConfig(
                EnrichmentJobConfig.defaults().withDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE));

        assertThat(exactlyOnce)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "100")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(EnrichmentJobConfig.SINK_TRANSACTION_TIMEOUT_MS));
        assertThat(atLeastOnce)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
    }

    @Test
    void theUsersProducerSettingsWin() {
        EnrichmentJobConfig config = EnrichmentJobConfig.fromArgs(new String[] {
                "--kafka.linger.ms", "0", "--kafka.batch.size", "16384", "--kafka.compression.type", "lz4"});

        assertThat(KafkaConnectors.sinkProducerConfig(config))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "16384")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }
}
