package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

    @Test
    void batchesArticlesUnlessTheUserSaysOtherwise() {
        assertThat(ArticlePublisher.producerConfig("broker:9092", Map.of()))
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");

        assertThat(ArticlePublisher.producerConfig("broker:9092", Map.of(ProducerConfig.LINGER_MS_CONFIG, "0")))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0");
    }
}
