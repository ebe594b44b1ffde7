package io.newsflow.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Kafka client settings passed straight through ({@code -k security.protocol=SASL_SSL}), shared by the commands. */
final class KafkaOptions {

    @Option(names = {"-k", "--kafka"}, paramLabel = "KEY=VALUE",
            description = "A Kafka client setting passed through as it is, e.g. -k security.protocol=SASL_SSL. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();
}
