package io.avreplay.eval.coco;

import java.util.Arrays;

/**
 * Position of an id among a set of ids (image or category ids): a direct table when the ids are
 * nearly contiguous, as they usually are, else a binary search. Immutable.
 */
final class IdIndex {
    /** Use a table while it has at most this many slots per id. */
    private static final int MAX_SLOTS_PER_ID = 4;

    private final long[] ids;
    private final long min;
    private final int[] table;

    /** @param ids any ids, duplicates allowed; they are sorted and made distinct */
    IdIndex(long[] ids) {
        long[] s = ids.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
            }
        }
        this.ids = Arrays.copyOf(s, n);
        min = n == 0 ? 0 : this.ids[0];
        long span = n == 0 ? 0 : this.ids[n - 1] - min + 1;
        if (n > 0 && span > 0 && span <= (long) MAX_SLOTS_PER_ID * n + 64) {
            table = new int[(int) span];
            Arrays.fill(table, -1);
            for (int i = 0; i < n; i++) {
                table[(int) (this.ids[i] - min)] = i;
            }
        } else {
            table = null;
        }
    }

    /** @return the distinct ids in ascending order (shared, do not modify) */
    long[] ids() {
        return ids;
    }

    /** @return the position of {@code id} in {@link #ids()}, or -1 when absent */
    int indexOf(long id) {
        if (table != null) {
            long o = id - min;
            return o >= 0 && o < table.length ? table[(int) o] : -1;
        }
        int i = Arrays.binarySearch(ids, id);
        return i < 0 ? -1 : i;
    }
}
