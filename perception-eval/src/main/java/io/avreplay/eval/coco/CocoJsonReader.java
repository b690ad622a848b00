package io.avreplay.eval.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.Box2d;
import java.io.IOException;
import java.io.InputStream;
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
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

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
                    case "images" -> r.objects(v, name, (i, f) -> images.add((long) f.number("id")));
                    case "categories" -> r.objects(v, name, (i, f) -> cats.put((long) f.number("id"),
                            f.strings.getOrDefault("name", "")));
                    case "annotations" -> r.objects(v, name, (i, f) -> anns.add(r.annotation(i, f)));
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
                        r.objects(v, name, (i, f) -> dets.add(r.detection(i, f)));
                    } else {
                        r.p.skipChildren();
                    }
                }
            } else {
                r.objects(t, "results", (i, f) -> dets.add(r.detection(i, f)));
            }
        });
        return dets;
    }

    private interface Body {
        void run() throws IOException;
    }

    private interface ObjectSink {
        void accept(int index, Fields f);
    }

    private void run(Body body) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
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

    /** The scalar and bbox fields of one object, and where it started. */
    private final class Fields {
        final String record;
        final JsonLocation start;
        final Map<String, Double> numbers = new LinkedHashMap<>();
        final Map<String, String> strings = new LinkedHashMap<>();
        double[] bbox;

        Fields(String record, JsonLocation start) {
            this.record = record;
            this.start = start;
        }

        double number(String field) {
            Double v = numbers.get(field);
            if (v == null) {
                throw fail(this, field, "missing field");
            }
            return v;
        }
    }

    private void objects(JsonToken v, String what, ObjectSink sink) throws IOException {
        expect(v, JsonToken.START_ARRAY, what);
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT, what + "[" + i + "]");
            Fields f = new Fields(what + "[" + i + "]", p.currentTokenLocation());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isNumeric()) {
                    f.numbers.put(name, p.getDoubleValue());
                } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    f.numbers.put(name, t == JsonToken.VALUE_TRUE ? 1.0 : 0.0);
                } else if (t == JsonToken.VALUE_STRING) {
                    f.strings.put(name, p.getText());
                } else if (t == JsonToken.START_ARRAY && name.equals("bbox")) {
                    f.bbox = bbox(f);
                } else {
                    p.skipChildren();
                }
            }
            sink.accept(i++, f);
        }
    }

    private double[] bbox(Fields f) throws IOException {
        double[] b = new double[4];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (!p.currentToken().isNumeric()) {
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
        return b;
    }

    private CocoAnnotation annotation(int i, Fields f) {
        Box2d box = box(f);
        double area = f.number("area");
        if (!Double.isFinite(area) || area < 0) {
            throw fail(f, "area", "expected a finite number >= 0, got " + area);
        }
        return new CocoAnnotation((long) f.number("id"), (long) f.number("image_id"), (long) f.number("category_id"),
                box, area, f.number("iscrowd") != 0);
    }

    private CocoDetection detection(int i, Fields f) {
        Box2d box = box(f);
        double score = f.number("score");
        if (!Double.isFinite(score)) {
            throw fail(f, "score", "expected a finite number, got " + score);
        }
        return new CocoDetection((long) f.number("image_id"), (long) f.number("category_id"), box, score);
    }

    private Box2d box(Fields f) {
        if (f.bbox == null) {
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
        return new BadInputException(where(loc) + ": " + f.record + ": field " + field + ": " + message);
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
