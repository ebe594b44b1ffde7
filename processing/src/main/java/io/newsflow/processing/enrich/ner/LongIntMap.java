package io.newsflow.processing.enrich.ner;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values, for feature hashes. A slot is taken
 * when its stamp is the map's current one, so {@link #clear()} only moves to the next stamp: a map reused
 * document after document costs nothing to empty, however large an earlier document made it.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int[] stamps;
    private int stamp = 1;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        stamps = new int[capacity];
        mask = capacity - 1;
        stamp = 1;
        size = 0;
    }

    int size() {
        return size;
    }

    /** Empties the map, keeping its capacity: for a map reused document after document. */
    void clear() {
        if (++stamp == 0) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        size = 0;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        for (int slot = slot(key); stamps[slot] == stamp; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        return -1;
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        while (stamps[slot] == stamp && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (stamps[slot] != stamp) {
            stamps[slot] = stamp;
            keys[slot] = key;
            size++;
        }
        values[slot] = value;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int[] oldStamps = stamps;
        int oldStamp = stamp;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldStamps[i] == oldStamp) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
