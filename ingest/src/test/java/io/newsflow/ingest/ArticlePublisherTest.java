package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
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

    @Test
    void aBrokerThatDoesNotAnswerFailsTheCheckAtOnceNamingIt() {
        // nothing listens on port 1; the check gives up after its timeout and does not then wait out Kafka's own
        // 60 s API timeout while closing its admin client
        try (ArticlePublisher publisher = new ArticlePublisher("localhost:1", "articles.raw", Map.of())) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> publisher.checkTopic(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot reach Kafka at localhost:1: no answer in 1 s"));
        }
    }
}
