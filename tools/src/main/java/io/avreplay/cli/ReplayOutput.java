package io.avreplay.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorFrame;
import io.avreplay.replay.play.ReplayFrame;
import io.avreplay.replay.play.ReplaySummary;
import io.avreplay.replay.play.SkippedFrame;
import io.avreplay.replay.sync.CameraMatch;
import io.avreplay.replay.sync.FrameSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders replayed frames, frame sets and the summary as text or JSON lines. In jsonl every line is
 * one object with a {@code type}: {@code frame}, {@code frame_set} or (last) {@code summary}.
 */
abstract class ReplayOutput {
    final PrintWriter out;

    ReplayOutput(PrintWriter out) {
        this.out = out;
    }

    /** The formats of {@code replay --format}. */
    enum Format { text, jsonl }

    static ReplayOutput forFormat(Format format, PrintWriter out) {
        return switch (format) {
            case text -> new Text(out);
            case jsonl -> new Jsonl(out);
        };
    }

    abstract void frame(ReplayFrame f);

    abstract void frameSet(FrameSet s);

    abstract void summary(ReplaySummary s);

    static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e9);
    }

    static String rate(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }

    /** Human-readable lines. */
    static final class Text extends ReplayOutput {
        Text(PrintWriter out) {
            super(out);
        }

        @Override
        void frame(ReplayFrame f) {
            out.println(head(f.ref()) + " " + f.points().map(v -> "points=" + v.size()).orElseGet(() -> size(f.frame()))
                    + " gt=" + (f.groundTruth3d().size()
                    + f.groundTruth2d().size()) + (f.loop() > 0 ? " loop=" + f.loop() : ""));
        }

        @Override
        void frameSet(FrameSet s) {
            StringBuilder b = new StringBuilder("set " + head(s.reference()) + " " + size(s.frame()) + " gt="
                    + s.groundTruth3d().size());
            s.egoPose().ifPresent(p -> {
                Vec3 t = p.egoToWorld().translation();
                b.append(String.format(Locale.ROOT, " ego=(%.2f,%.2f,%.2f)", t.x(), t.y(), t.z()));
            });
            for (CameraMatch c : s.cameras()) {
                b.append(' ').append(c.sensorId()).append(String.format(Locale.ROOT, "@%+.1fms", c.offsetNs() / 1e6));
            }
            if (!s.missingCameras().isEmpty()) {
                b.append(" missing=").append(String.join(",", s.missingCameras()));
            }
            out.println(b);
        }

        private static String head(FrameRef r) {
            return r.timestampNs() + " " + r.kind().id() + " " + r.sensorId() + " #" + r.index();
        }

        private static String size(SensorFrame f) {
            if (f instanceof LidarSweep s) {
                return "points=" + s.size();
            }
            CameraFrame c = (CameraFrame) f;
            return c.width() + "x" + c.height() + " bytes=" + c.data().length;
        }

        @Override
        void summary(ReplaySummary s) {
            out.println("summary: " + s.items() + " " + (s.totalFrames() == s.items() ? "frames" : "items, "
                    + s.totalFrames() + " frames") + " (" + s.framesPerStream().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + "), loops "
                    + s.loops() + ", wall " + seconds(s.wallNs()) + " s, log time " + seconds(s.replayedNs())
                    + " s, effective rate " + rate(s.effectiveRate()) + "x real time ("
                    + rate(s.itemsPerSecond()) + " items/s), skipped " + s.totalSkipped()
                    + (s.totalSkipped() == 0 ? "" : " (" + s.skippedByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
            for (SkippedFrame f : s.skipped()) {
                out.println("  skipped " + f.ref() + ": " + f.message());
            }
        }
    }

    /** One JSON object per line. */
    static final class Jsonl extends ReplayOutput {
        private static final JsonFactory JSON = new JsonFactory();

        Jsonl(PrintWriter out) {
            super(out);
        }

        @FunctionalInterface
        private interface Body {
            void write(JsonGenerator g) throws IOException;
        }

        private void line(Body body) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                body.write(g);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(w);
        }

        @Override
        void frame(ReplayFrame f) {
            line(g -> {
                g.writeStringField("type", "frame");
                ref(g, f.ref());
                if (f.points().isPresent()) {
                    g.writeNumberField("points", f.points().get().size());
                } else {
                    size(g, f.frame());
                }
                g.writeNumberField("gt_boxes", f.groundTruth3d().size() + f.groundTruth2d().size());
                g.writeNumberField("loop", f.loop());
            });
        }

        @Override
        void frameSet(FrameSet s) {
            line(g -> {
                g.writeStringField("type", "frame_set");
                ref(g, s.reference());
                size(g, s.frame());
                g.writeNumberField("gt_boxes", s.groundTruth3d().size());
                g.writeNumberField("loop", s.loop());
                if (s.egoPose().isPresent()) {
                    Vec3 t = s.egoPose().get().egoToWorld().translation();
                    g.writeArrayFieldStart("ego_translation");
                    g.writeNumber(t.x());
                    g.writeNumber(t.y());
                    g.writeNumber(t.z());
                    g.writeEndArray();
                }
                g.writeArrayFieldStart("cameras");
                for (CameraMatch c : s.cameras()) {
                    g.writeStartObject();
                    ref(g, c.ref());
                    size(g, c.frame());
                    g.writeNumberField("offset_ns", c.offsetNs());
                    g.writeNumberField("gt_boxes", c.groundTruth2d().size());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("missing");
                for (String m : s.missingCameras()) {
                    g.writeString(m);
                }
                g.writeEndArray();
            });
        }

        private static void ref(JsonGenerator g, FrameRef r) throws IOException {
            g.writeNumberField("timestamp_ns", r.timestampNs());
            g.writeStringField("sensor", r.sensorId());
            g.writeStringField("kind", r.kind().id());
            g.writeStringField("log", r.logId());
            g.writeNumberField("index", r.index());
        }

        private static void size(JsonGenerator g, SensorFrame f) throws IOException {
            if (f instanceof LidarSweep s) {
                g.writeNumberField("points", s.size());
            } else {
                CameraFrame c = (CameraFrame) f;
                g.writeNumberField("width", c.width());
                g.writeNumberField("height", c.height());
                g.writeNumberField("bytes", c.data().length);
            }
        }

        @Override
        void summary(ReplaySummary s) {
            line(g -> {
                g.writeStringField("type", "summary");
                g.writeNumberField("items", s.items());
                g.writeObjectFieldStart("frames");
                for (Map.Entry<String, Long> e : s.framesPerStream().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeNumberField("loops", s.loops());
                g.writeNumberField("wall_ns", s.wallNs());
                g.writeNumberField("release_span_ns", s.releaseSpanNs());
                g.writeNumberField("replayed_ns", s.replayedNs());
                if (!Double.isNaN(s.effectiveRate())) {
                    g.writeNumberField("effective_rate", s.effectiveRate());
                }
                g.writeObjectFieldStart("skipped");
                for (var e : s.skippedByReason().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    g.writeNumberField(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
                }
                g.writeEndObject();
                g.writeArrayFieldStart("skipped_frames");
                for (SkippedFrame f : s.skipped()) {
                    g.writeStartObject();
                    ref(g, f.ref());
                    g.writeStringField("reason", f.reason().name().toLowerCase(Locale.ROOT));
                    g.writeStringField("message", f.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        }
    }
}
