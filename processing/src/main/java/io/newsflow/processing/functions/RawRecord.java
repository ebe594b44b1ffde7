package io.newsflow.processing.functions;

import java.util.Arrays;

/**
 * A Kafka record as it arrived, before decoding: where it came from and its bytes. Carried with the decoded
 * article so that a record failing at any stage reaches the dead-letter topic with its original bytes and
 * coordinates. A Flink POJO (public fields, no-arg constructor) so Flink serializes it without Kryo.
 */
public class RawRecord {

    public String topic;
    public int partition;
    public long offset;
    public long timestamp;
    /** The record key, or null. */
    public byte[] key;
    /** The record value, or null for a tombstone. */
    public byte[] value;

    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
    }

    /** {@code topic-partition@offset}, the form used in logs and messages. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }

    @Override
    public String toString() {
        return "RawRecord{" + coordinates() + ", key=" + (key == null ? "null" : key.length + " bytes")
                + ", value=" + (value == null ? "null" : value.length + " bytes") + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r && partition == r.partition && offset == r.offset
                && timestamp == r.timestamp && java.util.Objects.equals(topic, r.topic)
                && Arrays.equals(key, r.key) && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(topic, partition, offset);
    }
}
