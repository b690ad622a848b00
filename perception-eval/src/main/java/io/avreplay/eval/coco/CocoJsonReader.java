package io.avreplay.eval.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.Box2d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams COCO instances and results files. Errors are {@link BadInputException}s naming file, line and
 * column, record and field. One instance reads one file; not thread-safe.
 */
final class CocoJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // Correctly rounded like Double.parseDouble, several times faster on the many box coordinates.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private final Path file;
    private JsonParser p;

    private CocoJsonReader(Path file) {
        this.file = file;
    }

    /** Reads an instances file: {@code images}, {@code annotations}, {@code categories}. */
    static CocoGroundTruth readGroundTruth(Path file) {
        CocoJsonReader r = new CocoJsonReader(file);
        List<Long> images = new ArrayList<>();
        Map<Long, String> cats = new LinkedHashMap<>();
        List<CocoAnnotation> anns = new ArrayList<>();
        r.run(() -> {
            r.expect(r.p.nextToken(), JsonToken.START_OBJECT, "top level");
            while (r.p.nextToken() == JsonToken.FIELD_NAME) {
                String name = r.p.currentName();
                JsonToken v = r.p.nextToken();
                switch (name) {
                    case "images" -> r.objects(v, name, f -> images.add((long) f.number(Fields.ID)));
                    case "categories" -> r.objects(v, name, f -> cats.put((long) f.number(Fields.ID),
                            f.name == null ? "" : f.name));
                    case "annotations" -> r.objects(v, name, f -> anns.add(r.annotation(f)));
                    default -> r.p.skipChildren();
                }
            }
        });
        return new CocoGroundTruth(images, cats, anns);
    }

    /** Reads a results file: a list of {@code {image_id, category_id, bbox, score}}. */
    static List<CocoDetection> readDetections(Path file) {
        CocoJsonReader r = new CocoJsonReader(file);
        List<CocoDetection> dets = new ArrayList<>();
        r.run(() -> {
            JsonToken t = r.p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // Accept {"annotations": [...]} as well as the bare list pycocotools' loadRes expects.
                while (r.p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = r.p.currentName();
                    JsonToken v = r.p.nextToken();
                    if (name.equals("annotations")) {
                        r.objects(v, name, f -> dets.add(r.detection(f)));
                    } else {
                        r.p.skipChildren();
                    }
                }
            } else {
                r.objects(t, "results", f -> dets.add(r.detection(f)));
            }
        });
        return dets;
    }

    private interface Body {
        void run() throws IOException;
    }

    private interface ObjectSink {
        void accept(Fields f);
    }

    private void run(Body body) {
        try (JsonParser parser = FACTORY.createParser(Files.readAllBytes(file))) {
            p = parser;
            body.run();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new BadInputException(where(loc) + ": malformed JSON: " + cleanMessage(e),
                    e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The fields COCO uses of one object, and where it started; reused from object to object so that
     * reading allocates no map and boxes no number. As before, a repeated field keeps its last value and a
     * number field holding a string counts as missing.
     */
    private final class Fields {
        static final int ID = 0;
        static final int IMAGE_ID = 1;
        static final int CATEGORY_ID = 2;
        static final int AREA = 3;
        static final int ISCROWD = 4;
        static final int SCORE = 5;
        static final String[] NAMES = {"id", "image_id", "category_id", "area", "iscrowd", "score"};

        final String what;
        int index;
        JsonLocation start;
        final double[] numbers = new double[NAMES.length];
        int present;
        String name;
        final double[] bbox = new double[4];
        boolean hasBbox;

        Fields(String what) {
            this.what = what;
        }

        void reset(int index, JsonLocation start) {
            this.index = index;
            this.start = start;
            present = 0;
            name = null;
            hasBbox = false;
        }

        String record() {
            return what + "[" + index + "]";
        }

        double number(int field) {
            if ((present & (1 << field)) == 0) {
                throw fail(this, NAMES[field], "missing field");
            }
            return numbers[field];
        }

        void set(int field, double v) {
            numbers[field] = v;
            present |= 1 << field;
        }
    }

    private static int numberField(String name) {
        return switch (name) {
            case "id" -> Fields.ID;
            case "image_id" -> Fields.IMAGE_ID;
            case "category_id" -> Fields.CATEGORY_ID;
            case "area" -> Fields.AREA;
            case "iscrowd" -> Fields.ISCROWD;
            case "score" -> Fields.SCORE;
            default -> -1;
        };
    }

    private void objects(JsonToken v, String what, ObjectSink sink) throws IOException {
        expect(v, JsonToken.START_ARRAY, what);
        int i = 0;
        Fields f = new Fields(what);
        JsonToken open;
        while ((open = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(open, JsonToken.START_OBJECT, what + "[" + i + "]");
            f.reset(i, p.currentTokenLocation());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    int k = numberField(name);
                    if (k >= 0) {
                        f.set(k, p.getDoubleValue());
                    }
                } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    int k = numberField(name);
                    if (k >= 0) {
                        f.set(k, t == JsonToken.VALUE_TRUE ? 1.0 : 0.0);
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    if (name.equals("name")) {
                        f.name = p.getText();
                    }
                } else if (t == JsonToken.START_ARRAY && name.equals("bbox")) {
                    bbox(f);
                    f.hasBbox = true;
                } else {
                    p.skipChildren();
                }
            }
            sink.accept(f);
            i++;
        }
    }

    private void bbox(Fields f) throws IOException {
        double[] b = f.bbox;
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw fail(f, "bbox", "expected 4 numbers [x, y, w, h], got " + p.getText(), p.currentTokenLocation());
            }
            if (n < 4) {
                b[n] = p.getDoubleValue();
            }
            n++;
        }
        if (n != 4) {
            throw fail(f, "bbox", "expected 4 numbers [x, y, w, h], got " + n, p.currentTokenLocation());
        }
    }

    private CocoAnnotation annotation(Fields f) {
        Box2d box = box(f);
        double area = f.number(Fields.AREA);
        if (!Double.isFinite(area) || area < 0) {
            throw fail(f, "area", "expected a finite number >= 0, got " + area);
        }
        return new CocoAnnotation((long) f.number(Fields.ID), (long) f.number(Fields.IMAGE_ID),
                (long) f.number(Fields.CATEGORY_ID), box, area, f.number(Fields.ISCROWD) != 0);
    }

    private CocoDetection detection(Fields f) {
        Box2d box = box(f);
        double score = f.number(Fields.SCORE);
        if (!Double.isFinite(score)) {
            throw fail(f, "score", "expected a finite number, got " + score);
        }
        return new CocoDetection((long) f.number(Fields.IMAGE_ID), (long) f.number(Fields.CATEGORY_ID), box, score);
    }

    private Box2d box(Fields f) {
        if (!f.hasBbox) {
            throw fail(f, "bbox", "missing field");
        }
        try {
            return new Box2d(f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3]);
        } catch (IllegalArgumentException e) {
            throw fail(f, "bbox", e.getMessage());
        }
    }

    private void expect(JsonToken got, JsonToken want, String what) {
        if (got != want) {
            throw new BadInputException(where(p.currentTokenLocation()) + ": " + what + ": expected "
                    + (want == JsonToken.START_ARRAY ? "an array" : "an object") + ", got " + got);
        }
    }

    private BadInputException fail(Fields f, String field, String message) {
        return fail(f, field, message, f.start);
    }

    private BadInputException fail(Fields f, String field, String message, JsonLocation loc) {
        return new BadInputException(where(loc) + ": " + f.record() + ": field " + field + ": " + message);
    }

    private String where(JsonLocation loc) {
        return loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** Jackson's message without its source-location suffix (we print file, line and column ourselves). */
    static String cleanMessage(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^]]*\\][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*\\]", "").replace('\n', ' ');
    }
}
