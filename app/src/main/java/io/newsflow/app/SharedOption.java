package io.newsflow.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command's option as one of the shared options ({@link io.newsflow.processing.EnrichmentJobConfig#OPTIONS},
 * named by {@link #value}): when the flag is not given, {@link SharedDefaults} takes its value from
 * {@code NEWSFLOW_NAME}, then the {@code --config} file, then the option's default. {@code ingest --topic} is the
 * job's {@code input-topic}, so the flag's name and the option's may differ.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface SharedOption {
    /** The option's name in the registry, e.g. {@code input-topic}. */
    String value();
}
