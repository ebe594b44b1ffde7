package io.newsflow.processing.enrich.ner;

/** An open-addressing map from non-zero {@code long} keys to {@code int} values, for feature hashes. */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** Empties the map, keeping its capacity: for a map reused document after document. */
    void clear() {
        java.util.Arrays.fill(keys, 0L);
        size = 0;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        long k = key == 0 ? 1 : key;
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long found = keys[slot];
            if (found == k) {
                return values[slot];
            }
            if (found == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long k = key == 0 ? 1 : key;
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != k) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == 0) {
            size++;
        }
        keys[slot] = k;
        values[slot] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
