package io.newsflow.processing.functions;

/**
 * The names of the job's counters, kept both as Flink metrics (for monitoring) and as accumulators (so that
 * a client, such as {@code newsflow demo}, can read them from the job). For every run:
 * {@code recordsIn = enriched + deadLettered + duplicates}.
 */
public final class PipelineCounters {

    /** Every record read from the input topic. */
    public static final String RECORDS_IN = "recordsIn";
    /** Records written to the output topic. */
    public static final String ENRICHED = "enriched";
    /** Records sent to the dead-letter topic, whatever the stage. */
    public static final String DEAD_LETTERED = "deadLettered";
    /** Exact re-sends (same id, same content) dropped. */
    public static final String DUPLICATES = "duplicates";
    /** Articles whose id was seen before with other content (enriched, flagged as updates). */
    public static final String UPDATES = "updates";

    private PipelineCounters() {}
}
