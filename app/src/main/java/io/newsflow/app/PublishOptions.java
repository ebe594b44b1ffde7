package io.newsflow.app;

import picocli.CommandLine.Option;

/** Where the ingest commands publish and the body limit they check, shared by {@code ingest} and its subcommands. */
final class PublishOptions {

    @SharedOption("bootstrap-servers")
    @Option(names = {"-b", "--bootstrap-servers"},
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; $NEWSFLOW_BOOTSTRAP_SERVERS, --config).")
    String bootstrapServers;

    @SharedOption("input-topic")
    @Option(names = {"-t", "--topic"},
            description = "Topic to publish to: the job's input topic (default: ${DEFAULT-VALUE}; $NEWSFLOW_INPUT_TOPIC, --config).")
    String topic;

    @SharedOption("max-body-bytes")
    @Option(names = "--max-body-bytes",
            description = "Longest body accepted, in UTF-8 bytes: the job's --max-body-bytes (default: ${DEFAULT-VALUE}; $NEWSFLOW_MAX_BODY_BYTES, --config).")
    int maxBodyBytes;
}
