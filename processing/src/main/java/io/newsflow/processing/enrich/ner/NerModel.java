package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.Bundled;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The weights of the entity tagger: for each feature hash, the labels it votes for and how strongly. Sparse:
 * a feature stores only its non-zero weights. Immutable once loaded, so one instance can serve many threads.
 *
 * <p>File format (gzip): {@code "NFNER"}, format version, model version (UTF), label count, feature count,
 * then per feature its hash, the number of weights, and (label, weight) pairs.
 */
public final class NerModel {

    private static final String MAGIC = "NFNER";
    private static final int FORMAT = 1;

    /** Where the bundled model lives on the classpath. */
    public static final String DEFAULT_RESOURCE = "/io/newsflow/model/ner.bin.gz";

    private final String version;
    private final long[] keys;
    private final byte[] labels;
    private final float[] weights;
    private final int[] starts;

    /**
     * The lookup table, laid out for one cache line per feature: each slot is {@value #SLOT} floats — the
     * feature's weight for every label (zero where it has none), then two 30-bit halves of its hash and a mark
     * that the slot is taken. Dense rather than sparse, so that scoring adds a feature's whole row at once with
     * no per-weight branch or index; a hash half below 2^30 read as a float's bits is a finite number, never NaN.
     */
    private final float[] table;
    /**
     * One short per slot of {@link #table}: a fingerprint of the feature there (15 bits of its hash that the
     * slot's index does not use, and a lowest bit that is always set), 0 where the slot is empty. A megabyte, which
     * stays in the processor's caches where the table does not: a feature the model does not know, as many of a
     * token's context features are, is ruled out here without reading the table, and a known one is read from it
     * once, instead of once for each slot its probe passes.
     */
    private final short[] tags;
    private final int mask;
    private static final int SLOT = 16;
    private static final int HASH_HIGH = NerLabels.COUNT;
    private static final int HASH_LOW = NerLabels.COUNT + 1;
    private static final int TAKEN = NerLabels.COUNT + 2;

    static {
        if (TAKEN >= SLOT) {
            throw new IllegalStateException(NerLabels.COUNT + " labels do not fit a slot of " + SLOT);
        }
    }

    NerModel(String version, long[] keys, byte[] labels, float[] weights, int[] starts) {
        this.version = version;
        this.keys = keys;
        this.labels = labels;
        this.weights = weights;
        this.starts = starts;
        // a power of two at least 1.6 times the features: short probes, a table that stays small
        int capacity = Integer.highestOneBit(Math.max(16, keys.length + keys.length * 3 / 5 - 1)) << 1;
        this.mask = capacity - 1;
        this.table = new float[capacity * SLOT];
        this.tags = new short[capacity];
        for (int f = 0; f < keys.length; f++) {
            long key = keys[f];
            int slot = slot(key);
            while (tags[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            tags[slot] = tag(key);
            int base = slot * SLOT;
            table[base + HASH_HIGH] = Float.intBitsToFloat(high(key));
            table[base + HASH_LOW] = Float.intBitsToFloat(low(key));
            table[base + TAKEN] = 1;
            for (int j = starts[f]; j < starts[f + 1]; j++) {
                table[base + labels[j]] = weights[j];
            }
        }
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 29)) & mask;
    }

    private static short tag(long key) {
        return (short) ((key >>> 47) | 1);
    }

    private static int high(long key) {
        return (int) (key >>> 34);
    }

    private static int low(long key) {
        return (int) key & 0x3fffffff;
    }

    public String version() {
        return version;
    }

    public int features() {
        return keys.length;
    }

    /**
     * Adds the weights of {@code count} features to {@code scores} (one slot per label), in the order given. Two
     * passes: the first finds each feature's slot by its fingerprint and touches it, so that the processor
     * fetches the cache lines of all known features at once instead of waiting for one after the other; the
     * second checks the whole hash and reads the weights. {@code slots} is the caller's scratch space for the
     * slots found (at least {@code count} int): the model is shared between threads, its callers are not.
     */
    void score(long[] features, int count, float[] scores, int[] slots) {
        float[] t = table;
        float touched = 0;
        for (int f = 0; f < count; f++) {
            long key = features[f];
            int slot = candidate(tag(key), slot(key));
            slots[f] = slot;
            if (slot >= 0) {
                touched += t[slot * SLOT + TAKEN];
            }
        }
        for (int f = 0; f < count; f++) {
            long key = features[f];
            int slot = slots[f];
            while (slot >= 0 && !holds(slot * SLOT, key)) {
                slot = candidate(tag(key), (slot + 1) & mask); // another feature with the same fingerprint
            }
            if (slot >= 0) {
                int base = slot * SLOT;
                for (int l = 0; l < NerLabels.COUNT; l++) {
                    scores[l] += t[base + l];
                }
            }
        }
        sink = touched;
    }

    /** The first slot from {@code slot} on whose fingerprint is {@code tag}, before an empty one; -1 if none. */
    private int candidate(short tag, int slot) {
        for (short[] g = tags; g[slot] != 0; slot = (slot + 1) & mask) {
            if (g[slot] == tag) {
                return slot;
            }
        }
        return -1;
    }

    private boolean holds(int base, long key) {
        return Float.floatToRawIntBits(table[base + HASH_HIGH]) == high(key)
                && Float.floatToRawIntBits(table[base + HASH_LOW]) == low(key);
    }

    /** Keeps the first pass's reads from being optimised away. */
    @SuppressWarnings("unused")
    private volatile float sink;

    /** A copy without the features whose largest weight is under {@code threshold} in magnitude. */
    public NerModel pruned(float threshold) {
        List<Long> keptKeys = new ArrayList<>();
        List<Integer> keptStarts = new ArrayList<>();
        List<Byte> keptLabels = new ArrayList<>();
        List<Float> keptWeights = new ArrayList<>();
        for (int f = 0; f < keys.length; f++) {
            float max = 0;
            for (int j = starts[f]; j < starts[f + 1]; j++) {
                max = Math.max(max, Math.abs(weights[j]));
            }
            if (max >= threshold) {
                keptKeys.add(keys[f]);
                keptStarts.add(keptLabels.size());
                for (int j = starts[f]; j < starts[f + 1]; j++) {
                    keptLabels.add(labels[j]);
                    keptWeights.add(weights[j]);
                }
            }
        }
        keptStarts.add(keptLabels.size());
        byte[] l = new byte[keptLabels.size()];
        float[] w = new float[keptWeights.size()];
        for (int j = 0; j < l.length; j++) {
            l[j] = keptLabels.get(j);
            w[j] = keptWeights.get(j);
        }
        return new NerModel(version, keptKeys.stream().mapToLong(Long::longValue).toArray(), l, w,
                keptStarts.stream().mapToInt(Integer::intValue).toArray());
    }

    public static NerModel loadDefault() {
        return Bundled.read(DEFAULT_RESOURCE, "entity model", NerModel::read);
    }

    public static NerModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        byte[] magic = in.readNBytes(MAGIC.length());
        if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new IOException("not a Newsflow entity model (bad magic)");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("entity model format " + format + " is not supported (expected " + FORMAT + ")");
        }
        String version = in.readUTF();
        int labelCount = in.readInt();
        if (labelCount != NerLabels.COUNT) {
            throw new IOException("entity model has " + labelCount + " labels, this engine " + NerLabels.COUNT);
        }
        int features = in.readInt();
        int total = in.readInt();
        long[] keys = new long[features];
        byte[] labels = new byte[total];
        float[] weights = new float[total];
        int[] starts = new int[features + 1];
        int j = 0;
        for (int f = 0; f < features; f++) {
            keys[f] = in.readLong();
            starts[f] = j;
            int count = in.readUnsignedByte();
            for (int k = 0; k < count; k++) {
                labels[j] = in.readByte();
                weights[j] = in.readFloat();
                j++;
            }
        }
        starts[features] = j;
        return new NerModel(version, keys, labels, weights, starts);
    }

    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeBytes(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(version);
        out.writeInt(NerLabels.COUNT);
        out.writeInt(keys.length);
        out.writeInt(weights.length);
        for (int id = 0; id < keys.length; id++) {
            out.writeLong(keys[id]);
            out.writeByte(starts[id + 1] - starts[id]);
            for (int j = starts[id]; j < starts[id + 1]; j++) {
                out.writeByte(labels[j]);
                out.writeFloat(weights[j]);
            }
        }
        out.flush();
        gzip.finish();
    }
}
