package io.newsflow.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Kafka client settings passed straight through ({@code -k security.protocol=SASL_SSL}), shared by the commands:
 * those given here over {@code NEWSFLOW_KAFKA_*} variables over {@code kafka.*} keys of the {@code --config} file.
 */
final class KafkaOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-k", "--kafka"}, paramLabel = "KEY=VALUE",
            description = "A Kafka client setting passed through as it is, e.g. -k security.protocol=SASL_SSL. Repeatable; "
                    + "over NEWSFLOW_KAFKA_SECURITY_PROTOCOL-style variables and kafka.KEY=VALUE in --config.")
    Map<String, String> given = new LinkedHashMap<>();

    /** The settings from every place, the flags' last. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (command != null) {
            settings.putAll(SharedDefaults.of(command).values().kafka());
        }
        settings.putAll(given);
        return settings;
    }
}
