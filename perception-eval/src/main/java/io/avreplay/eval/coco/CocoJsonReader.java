package io.avreplay.eval.coco;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.object.Box2d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads COCO instances and results files straight into {@link CocoColumns}, with a byte-level JSON
 * reader ({@link JsonCursor}): no object per row, no per-field string. Errors are
 * {@link BadInputException}s naming file, line and column, record and field, expected versus actual.
 * Strict: a field COCO uses must have its type (ids integers within ±2^53, the largest a JSON number keeps
 * exactly), must not appear twice in an object, and nothing may follow the document. The file is read
 * whole, so only regular files of at most {@value #MAX_FILE_BYTES} bytes that fit in half the heap are
 * read (COCO's largest official file, train2017 instances, is 448 MB). One instance reads one file; not
 * thread-safe.
 */
final class CocoJsonReader {
    /** Largest COCO file read, bytes (1 GiB). */
    static final long MAX_FILE_BYTES = 1L << 30;
    /** Largest id magnitude: integers above 2^53 are not exact as JSON numbers (doubles). */
    private static final double MAX_ID = 9_007_199_254_740_992.0;
    private static final byte[][] TOP_GT = JsonCursor.names("images", "categories", "annotations");
    private static final byte[][] TOP_DT = JsonCursor.names("annotations");

    private final JsonCursor in;

    private CocoJsonReader(Path file) {
        byte[] bytes;
        try {
            checkReadable(file, Files.size(file));
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        in = new JsonCursor(file, bytes);
    }

    static void checkReadable(Path file, long size) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a regular file (a COCO file must be a plain JSON file)");
        }
        long heapBudget = Runtime.getRuntime().maxMemory() / 2;
        if (size > MAX_FILE_BYTES || size > heapBudget) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "%s: %d bytes; COCO files are read whole, so at most %d bytes (and at most half the Java heap, "
                            + "%d bytes here: raise it with JAVA_OPTS=-Xmx...)", file, size, MAX_FILE_BYTES, heapBudget));
        }
    }

    /** Reads an instances file: {@code images}, {@code categories}, {@code annotations}. */
    static CocoColumns.Instances readGroundTruth(Path file) {
        CocoJsonReader r = new CocoJsonReader(file);
        JsonCursor in = r.in;
        Ids images = new Ids();
        Map<Long, String> cats = new LinkedHashMap<>();
        CocoColumns.Gt anns = new CocoColumns.Gt(1024);
        in.enter('{', "top level");
        boolean first = true;
        int seen = 0;
        while (in.more('}', first, "top level")) {
            first = false;
            int at = in.position();
            int key = in.key(TOP_GT, "top level");
            if (key >= 0 && (seen & (1 << key)) != 0) {
                throw new BadInputException(in.where(at) + ": top level: key \"" + new String(TOP_GT[key],
                        java.nio.charset.StandardCharsets.UTF_8) + "\" appears twice");
            }
            seen |= key >= 0 ? 1 << key : 0;
            switch (key) {
                case 0 -> r.objects("images", f -> images.add(r.id(f, Fields.ID)));
                case 1 -> r.objects("categories", f -> cats.put(r.id(f, Fields.ID), f.name == null ? "" : f.name));
                case 2 -> r.objects("annotations", f -> r.annotation(f, anns));
                default -> in.skipValue();
            }
        }
        in.end();
        return new CocoColumns.Instances(images.toArray(), cats, anns);
    }

    /** Reads a results file: a list of {@code {image_id, category_id, bbox, score}}. */
    static CocoColumns.Dt readDetections(Path file) {
        CocoJsonReader r = new CocoJsonReader(file);
        JsonCursor in = r.in;
        CocoColumns.Dt dets = new CocoColumns.Dt(4096);
        if (in.peek() == '{') {
            // Accept {"annotations": [...]} as well as the bare list pycocotools' loadRes expects.
            in.enter('{', "top level");
            boolean first = true;
            boolean seen = false;
            while (in.more('}', first, "top level")) {
                first = false;
                int at = in.position();
                if (in.key(TOP_DT, "top level") == 0) {
                    if (seen) {
                        throw new BadInputException(in.where(at) + ": top level: key \"annotations\" appears twice");
                    }
                    seen = true;
                    r.objects("annotations", f -> r.detection(f, dets));
                } else {
                    in.skipValue();
                }
            }
        } else {
            r.objects("results", f -> r.detection(f, dets));
        }
        in.end();
        return dets;
    }

    /** A growable list of ids without boxing. */
    private static final class Ids {
        private long[] ids = new long[1024];
        private int size;

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        long[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }

    private interface ObjectSink {
        void accept(Fields f);
    }

    /**
     * The fields COCO uses of one object, and where it started; reused from object to object so that
     * reading allocates nothing per object. A repeated field and a field of the wrong type are errors
     * (a number field may hold a boolean, read as 1 or 0, as Python's {@code json} would).
     */
    private static final class Fields {
        static final int ID = 0;
        static final int IMAGE_ID = 1;
        static final int CATEGORY_ID = 2;
        static final int AREA = 3;
        static final int ISCROWD = 4;
        static final int SCORE = 5;
        static final int BBOX = 6;
        static final int NAME = 7;
        static final String[] NAMES = {"id", "image_id", "category_id", "area", "iscrowd", "score", "bbox", "name"};
        static final byte[][] KEYS = JsonCursor.names(NAMES);

        final String what;
        int index;
        int start;
        final double[] numbers = new double[SCORE + 1];
        int present;
        String name;
        final double[] bbox = new double[4];
        boolean hasBbox;

        Fields(String what) {
            this.what = what;
        }

        void reset(int i, int startOffset) {
            index = i;
            start = startOffset;
            present = 0;
            name = null;
            hasBbox = false;
        }

        String record() {
            return what + "[" + index + "]";
        }

        /** @return {@link #record()}, for the cursor's errors */
        @Override
        public String toString() {
            return record();
        }

        boolean has(int field) {
            return (present & (1 << field)) != 0;
        }

        /** Marks a field as seen. @return false when it was seen before in this object */
        boolean first(int field) {
            boolean fresh = !has(field);
            present |= 1 << field;
            return fresh;
        }

        void set(int field, double v) {
            numbers[field] = v;
            present |= 1 << field;
        }
    }

    /** Reads an array of objects, handing each to {@code sink} with its COCO fields. */
    private void objects(String what, ObjectSink sink) {
        in.enter('[', what);
        Fields f = new Fields(what);
        int i = 0;
        while (in.more(']', i == 0, what)) {
            f.reset(i, in.position());
            in.enter('{', f);
            boolean first = true;
            while (in.more('}', first, f)) {
                first = false;
                int at = in.position();
                int k = in.key(Fields.KEYS, f);
                int c = in.peek();
                if (k < 0) {
                    in.skipValue();
                    continue;
                }
                if (!f.first(k)) {
                    throw fail(f, Fields.NAMES[k], "appears twice in the object", at);
                }
                if (k == Fields.NAME) {
                    if (c != '"') {
                        throw fail(f, "name", "expected a string, got " + describeValue(), in.position());
                    }
                    f.name = in.string();
                } else if (k == Fields.BBOX) {
                    if (c != '[') {
                        throw fail(f, "bbox", "expected 4 numbers [x, y, w, h], got " + describeValue(), in.position());
                    }
                    bbox(f);
                    f.hasBbox = true;
                } else if (in.atNumber()) {
                    f.set(k, in.number());
                } else if (c == 't' || c == 'f') {
                    f.set(k, in.bool() ? 1.0 : 0.0);
                } else {
                    throw fail(f, Fields.NAMES[k], "expected a number, got " + describeValue(), in.position());
                }
            }
            sink.accept(f);
            i++;
        }
    }

    private void bbox(Fields f) {
        in.enter('[', f);
        double[] b = f.bbox;
        int n = 0;
        while (in.more(']', n == 0, f)) {
            if (!in.atNumber()) {
                throw fail(f, "bbox", "expected 4 numbers [x, y, w, h], got " + describeValue(), in.position());
            }
            double v = in.number();
            if (n < 4) {
                b[n] = v;
            }
            n++;
        }
        if (n != 4) {
            throw fail(f, "bbox", "expected 4 numbers [x, y, w, h], got " + n, in.position());
        }
    }

    /** A short description of the value at the cursor, for errors. */
    private String describeValue() {
        int c = in.peek();
        return c == '"' ? "a string" : c == '[' ? "an array" : c == '{' ? "an object" : c == 'n' ? "null"
                : c == 't' || c == 'f' ? "a boolean" : "'" + (char) c + "'";
    }

    private void annotation(Fields f, CocoColumns.Gt out) {
        checkBox(f);
        double area = number(f, Fields.AREA);
        if (!Double.isFinite(area) || area < 0) {
            throw fail(f, "area", "expected a finite number >= 0, got " + area, f.start);
        }
        double[] b = f.bbox;
        out.add(id(f, Fields.ID), id(f, Fields.IMAGE_ID), id(f, Fields.CATEGORY_ID),
                b[0], b[1], b[2], b[3], area, number(f, Fields.ISCROWD) != 0);
    }

    private void detection(Fields f, CocoColumns.Dt out) {
        checkBox(f);
        double score = number(f, Fields.SCORE);
        if (!Double.isFinite(score)) {
            throw fail(f, "score", "expected a finite number, got " + score, f.start);
        }
        double[] b = f.bbox;
        out.add(id(f, Fields.IMAGE_ID), id(f, Fields.CATEGORY_ID), b[0], b[1], b[2], b[3], score);
    }

    private double number(Fields f, int field) {
        if (!f.has(field)) {
            throw fail(f, Fields.NAMES[field], "missing field", f.start);
        }
        return f.numbers[field];
    }

    /** An id field: an integer of magnitude at most 2^53 (larger ones are not exact in JSON). */
    private long id(Fields f, int field) {
        double v = number(f, field);
        if (v != Math.rint(v) || Math.abs(v) > MAX_ID) {
            throw fail(f, Fields.NAMES[field], "expected an integer id of magnitude <= 2^53, got "
                    + plain(v), f.start);
        }
        return (long) v;
    }

    /** {@code v} as written in JSON, without exponent: 2^70 as all its digits, 100.5 as 100.5. */
    private static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return (v == Math.rint(v) ? new java.math.BigDecimal(v) : java.math.BigDecimal.valueOf(v)).toPlainString();
    }

    private void checkBox(Fields f) {
        if (!f.hasBbox) {
            throw fail(f, "bbox", "missing field", f.start);
        }
        try {
            Box2d.checkXywh(f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3]);
        } catch (IllegalArgumentException e) {
            throw fail(f, "bbox", e.getMessage(), f.start);
        }
    }

    private BadInputException fail(Fields f, String field, String message, int offset) {
        return new BadInputException(in.where(offset) + ": " + f.record() + ": field " + field + ": " + message);
    }
}
