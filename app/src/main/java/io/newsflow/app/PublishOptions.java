package io.newsflow.app;

import io.newsflow.processing.EnrichmentJobConfig;
import io.newsflow.schemas.validate.ArticleValidator;
import picocli.CommandLine.Option;

/** Where the ingest commands publish and the body limit they check, shared by {@code ingest} and its subcommands. */
final class PublishOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, defaultValue = EnrichmentJobConfig.DEFAULT_BOOTSTRAP_SERVERS,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = {"-t", "--topic"}, defaultValue = EnrichmentJobConfig.DEFAULT_INPUT_TOPIC,
            description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--max-body-bytes", defaultValue = "" + ArticleValidator.DEFAULT_MAX_BODY_BYTES,
            description = "Longest body accepted, in UTF-8 bytes: the job's --max-body-bytes (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;
}
