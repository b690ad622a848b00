package io.avreplay.replay.arrow;

import java.util.Arrays;

/**
 * The frames of one stream in time order: timestamp, record batch, row within the batch and the
 * batch's CRC-32C. Growable while writing, immutable once read. Not thread-safe while growing.
 */
final class TimeIndex {
    private long[] timestamps;
    private int[] batches;
    private int[] rows;
    private long[] crcs;
    private int size;

    TimeIndex() {
        this(16);
    }

    TimeIndex(int capacity) {
        timestamps = new long[Math.max(1, capacity)];
        batches = new int[timestamps.length];
        rows = new int[timestamps.length];
        crcs = new long[timestamps.length];
    }

    void add(long timestampNs, int batch, int row, long crc) {
        if (size == timestamps.length) {
            int cap = size * 2;
            timestamps = Arrays.copyOf(timestamps, cap);
            batches = Arrays.copyOf(batches, cap);
            rows = Arrays.copyOf(rows, cap);
            crcs = Arrays.copyOf(crcs, cap);
        }
        timestamps[size] = timestampNs;
        batches[size] = batch;
        rows[size] = row;
        crcs[size] = crc;
        size++;
    }

    void setBatchCrc(int batch, long crc) {
        for (int i = size - 1; i >= 0 && batches[i] == batch; i--) {
            crcs[i] = crc;
        }
    }

    int size() {
        return size;
    }

    long timestamp(int i) {
        return timestamps[i];
    }

    int batch(int i) {
        return batches[i];
    }

    int row(int i) {
        return rows[i];
    }

    long crc(int i) {
        return crcs[i];
    }

    long first() {
        return size == 0 ? 0 : timestamps[0];
    }

    long last() {
        return size == 0 ? 0 : timestamps[size - 1];
    }

    /** @return the first index whose timestamp is {@code >= ns}, or {@code size()} */
    int ceil(long ns) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] < ns) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the last index whose timestamp is {@code <= ns}, or {@code -1} */
    int floor(long ns) {
        return ns == Long.MAX_VALUE ? size - 1 : ceil(ns + 1) - 1;
    }
}
