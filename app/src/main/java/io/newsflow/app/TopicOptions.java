package io.newsflow.app;

import io.newsflow.processing.EnrichmentJobConfig;
import picocli.CommandLine.Option;

/** The three topic names, shared by the commands that run or feed the pipeline. */
final class TopicOptions {

    @Option(names = "--input-topic", defaultValue = EnrichmentJobConfig.DEFAULT_INPUT_TOPIC,
            description = "Topic of raw articles (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--output-topic", defaultValue = EnrichmentJobConfig.DEFAULT_OUTPUT_TOPIC,
            description = "Topic of enriched articles (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--dlq-topic", defaultValue = EnrichmentJobConfig.DEFAULT_DLQ_TOPIC,
            description = "Topic of dead letters (default: ${DEFAULT-VALUE}).")
    String dlq;
}
