package io.newsflow.processing;

import io.newsflow.broker.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline scenario on the embedded KRaft broker: runs everywhere, CI included. */
class EnrichmentPipelineIT extends EnrichmentPipelineScenario {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Override
    String bootstrapServers() {
        return KAFKA.broker().bootstrapServers();
    }
}
