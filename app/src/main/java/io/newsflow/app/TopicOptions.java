package io.newsflow.app;

import picocli.CommandLine.Option;

/** The three topic names, shared by the commands that run or feed the pipeline. */
final class TopicOptions {

    @SharedOption("input-topic")
    @Option(names = "--input-topic",
            description = "Topic of raw articles (default: ${DEFAULT-VALUE}; $NEWSFLOW_INPUT_TOPIC, --config).")
    String input;

    @SharedOption("output-topic")
    @Option(names = "--output-topic",
            description = "Topic of enriched articles (default: ${DEFAULT-VALUE}; $NEWSFLOW_OUTPUT_TOPIC, --config).")
    String output;

    @SharedOption("dlq-topic")
    @Option(names = "--dlq-topic",
            description = "Topic of dead letters (default: ${DEFAULT-VALUE}; $NEWSFLOW_DLQ_TOPIC, --config).")
    String dlq;
}
