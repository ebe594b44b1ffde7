package io.newsflow.processing;

import io.newsflow.processing.functions.RawRecord;
import io.newsflow.processing.functions.RawRecordDeserializationSchema;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** Sources for the pipeline tests: the job's input topic read from the start to where it ends when the job starts. */
final class TestSources {

    private TestSources() {}

    /** Bounded, so the job finishes (and commits its last transaction) once it has read what is there. */
    static KafkaSource<RawRecord> bounded(EnrichmentJobConfig config) {
        Properties kafka = new Properties();
        kafka.putAll(config.kafka());
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.inputTopic())
                .setGroupId(config.groupId())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new RawRecordDeserializationSchema())
                .setProperties(kafka)
                .build();
    }
}
