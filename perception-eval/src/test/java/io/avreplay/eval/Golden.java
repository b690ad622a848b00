package io.avreplay.eval;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Locates the golden vectors of the reference tools under {@code <shared>/golden}. */
public final class Golden {
    /** Reads JSON as the reference tools write it (NaN allowed). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private Golden() {
    }

    /** @return the golden root: system property {@code avreplay.shared}, else {@code ../shared}, plus {@code golden} */
    public static Path root() {
        String prop = System.getProperty("avreplay.shared");
        Path shared = prop != null && Files.isDirectory(Path.of(prop)) ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(shared.resolve("golden"))) {
            shared = Path.of("..", "..", "shared");
        }
        return shared.resolve("golden");
    }

    /** @return every case directory of a benchmark (those holding {@code expected.json}), sorted */
    public static List<Path> cases(String benchmark) {
        Path dir = root().resolve(benchmark);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalStateException("no golden cases under " + dir.toAbsolutePath());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One golden case's check: throws (an assertion error) when the case is not reproduced. */
    @FunctionalInterface
    public interface Check {
        void run(Path caseDir) throws Exception;
    }

    /** @return one dynamic test per golden case of {@code benchmark}, named after its directory */
    public static Stream<DynamicTest> tests(String benchmark, Check check) {
        return cases(benchmark).stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check.run(dir)));
    }

    /** @return the parsed JSON file */
    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts |expected - actual| <= tol, NaN matching NaN. */
    public static void assertClose(double expected, double actual, double tol, String what) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** @return the number as a double, NaN for null or the string NaN */
    public static double num(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isTextual()) {
            return Double.parseDouble(n.asText());
        }
        return n.doubleValue();
    }
}
