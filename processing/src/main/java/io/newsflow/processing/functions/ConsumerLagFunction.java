package io.newsflow.processing.functions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes records on unchanged and reports, per input partition this subtask reads, how far it is behind: the
 * metric {@code consumerLag} under the groups {@code topic} and {@code partition} (Prometheus labels) is the
 * partition's last stable offset, asked of Kafka every {@code refresh}, minus the offset after the last record
 * read. The Kafka source reports each partition's current offset but not its end, so this is the one place
 * the job's lag per partition is known. A partition shows up once its first record was read.
 */
public final class ConsumerLagFunction extends RichMapFunction<RawRecord, RawRecord> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagFunction.class);

    private final Map<String, Object> adminConfig;
    private final Duration refresh;
    private transient Map<TopicPartition, Long> next;
    private transient Map<TopicPartition, Long> end;
    private transient Admin admin;
    private transient ScheduledExecutorService refresher;

    /** @param adminConfig settings for a Kafka admin client that can list the input topic's offsets */
    public ConsumerLagFunction(Map<String, Object> adminConfig, Duration refresh) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.refresh = refresh;
    }

    @Override
    public void open(OpenContext openContext) {
        next = new ConcurrentHashMap<>();
        end = new ConcurrentHashMap<>();
        admin = Admin.create(adminConfig);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "newsflow-consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshEnds, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public RawRecord map(RawRecord record) {
        TopicPartition partition = new TopicPartition(record.topic, record.partition);
        if (next.put(partition, record.offset + 1) == null) {
            getRuntimeContext().getMetricGroup().addGroup("topic", record.topic)
                    .addGroup("partition", String.valueOf(record.partition))
                    .gauge("consumerLag", () -> lag(partition));
        }
        return record;
    }

    /** The lag of a partition as the metric shows it. */
    long lag(TopicPartition partition) {
        long read = next.getOrDefault(partition, 0L);
        return Math.max(0, end.getOrDefault(partition, read) - read);
    }

    private void refreshEnds() {
        if (next.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        next.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        try {
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(refresh.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> end.put(partition, info.offset()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("Could not read the input's end offsets this time: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
