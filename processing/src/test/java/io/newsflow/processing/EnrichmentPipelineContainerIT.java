package io.newsflow.processing;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The pipeline scenario on Kafka in a container, where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class EnrichmentPipelineContainerIT extends EnrichmentPipelineScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageVersions.KAFKA);

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
