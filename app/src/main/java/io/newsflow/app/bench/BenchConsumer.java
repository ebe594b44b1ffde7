package io.newsflow.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The receiving end of the benchmark: a consumer of the enriched topic that reads what the job committed
 * ({@code read_committed}, as a downstream consumer would) on its own thread and records, for every enriched
 * article, the end-to-end latency: its receipt time minus the record's timestamp. The job writes each enriched
 * record with the timestamp of the article it came from, which the producer set when it sent the article, so
 * the latency spans producer, broker, job, broker and consumer. Values are not decoded: receipt is the moment
 * the consumer has the record.
 *
 * <p>Article ids say which phase of the benchmark an article belongs to ({@link #key}); each phase keeps a
 * latency histogram, which articles arrived (a re-delivery counts once), and a time line of one sample per
 * second.
 */
final class BenchConsumer implements AutoCloseable {

    /** Latencies are recorded in milliseconds up to an hour, to three significant digits. */
    private static final long MAX_LATENCY_MS = Duration.ofHours(1).toMillis();

    /** One second of one phase: articles received in it and their latencies (ms; -1 when none arrived). */
    public record Sample(double second, String phase, int articles, long p50, long p99, long max) {}

    private static final class PhaseReceipts {
        final String label;
        final Histogram latencies = new Histogram(MAX_LATENCY_MS, 3);
        final Histogram second = new Histogram(MAX_LATENCY_MS, 3);
        final BitSet seen = new BitSet();
        int unique;
        long records;
        long firstReceipt = -1;
        long lastReceipt = -1;
        long currentSecond = -1;

        PhaseReceipts(String label) {
            this.label = label;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final long epochMillis;
    private final Map<Integer, PhaseReceipts> phases = new HashMap<>();
    private final List<Sample> timeline = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * @param epochMillis time zero of the time line (the benchmark's start), so that samples of several
     *                    runtimes line up
     */
    BenchConsumer(String bootstrapServers, String topic, long epochMillis) {
        this.epochMillis = epochMillis;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-bench-consumer"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::pollLoop, "newsflow-bench-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The record key (= article id) of article {@code index} of phase {@code phase}. */
    static String key(int phase, int index) {
        return "bench-" + phase + "-" + index;
    }

    /** Opens a phase before its first article is sent. */
    synchronized void open(int phase, String label) {
        phases.put(phase, new PhaseReceipts(label));
    }

    /** Distinct articles of the phase received so far. */
    synchronized int received(int phase) {
        return receipts(phase).unique;
    }

    /** Records received, re-deliveries included. */
    synchronized long records(int phase) {
        return receipts(phase).records;
    }

    synchronized long firstReceiptMillis(int phase) {
        return receipts(phase).firstReceipt;
    }

    synchronized long lastReceiptMillis(int phase) {
        return receipts(phase).lastReceipt;
    }

    /** A copy of the phase's latency histogram (milliseconds). */
    synchronized Histogram latencies(int phase) {
        return receipts(phase).latencies.copy();
    }

    /** Ends the phase's time line with its last second; later receipts of it still count, but add no sample. */
    synchronized void close(int phase) {
        PhaseReceipts receipts = receipts(phase);
        flushSecond(receipts);
        receipts.currentSecond = Long.MAX_VALUE;
    }

    synchronized List<Sample> timeline() {
        return List.copyOf(timeline);
    }

    /** Throws what stopped the consumer, if anything did. */
    void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private PhaseReceipts receipts(int phase) {
        PhaseReceipts receipts = phases.get(phase);
        if (receipts == null) {
            throw new IllegalStateException("phase " + phase + " was not opened");
        }
        return receipts;
    }

    private void pollLoop() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                synchronized (this) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        receive(record.key(), record.timestamp(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = new IllegalStateException("the benchmark's consumer failed: " + e.getMessage(), e);
        }
    }

    private void receive(String key, long sentMillis, long now) {
        int dash = key == null ? -1 : key.lastIndexOf('-');
        PhaseReceipts receipts = dash < 0 ? null : phases.get(phaseOf(key, dash));
        if (receipts == null) {
            return;
        }
        receipts.records++;
        int index = Integer.parseInt(key.substring(dash + 1));
        if (receipts.seen.get(index)) {
            return;
        }
        receipts.seen.set(index);
        receipts.unique++;
        long latency = Math.min(Math.max(0, now - sentMillis), MAX_LATENCY_MS);
        receipts.latencies.recordValue(latency);
        if (receipts.firstReceipt < 0) {
            receipts.firstReceipt = now;
        }
        receipts.lastReceipt = now;
        long second = (now - epochMillis) / 1000;
        if (receipts.currentSecond == Long.MAX_VALUE) {
            return;
        }
        if (receipts.currentSecond >= 0 && second != receipts.currentSecond) {
            flushSecond(receipts);
            for (long empty = receipts.currentSecond + 1; empty < second; empty++) {
                timeline.add(new Sample(empty, receipts.label, 0, -1, -1, -1));
            }
        }
        receipts.currentSecond = second;
        receipts.second.recordValue(latency);
    }

    private static int phaseOf(String key, int dash) {
        int start = key.indexOf('-') + 1;
        try {
            return Integer.parseInt(key.substring(start, dash));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private void flushSecond(PhaseReceipts receipts) {
        Histogram second = receipts.second;
        if (receipts.currentSecond < 0 || receipts.currentSecond == Long.MAX_VALUE || second.getTotalCount() == 0) {
            return;
        }
        int count = (int) second.getTotalCount();
        timeline.add(new Sample(receipts.currentSecond, receipts.label, count, second.getValueAtPercentile(50),
                second.getValueAtPercentile(99), second.getMaxValue()));
        second.reset();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
