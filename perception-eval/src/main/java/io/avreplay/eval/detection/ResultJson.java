package io.avreplay.eval.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON conventions of every evaluation result: NaN written as a bare {@code NaN} (as Python's
 * {@code json} module, and so the reference tools, write it), and the provenance block. Thread-safe.
 */
public final class ResultJson {
    /** The mapper for result documents. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ResultJson() {
    }

    /** @return the tree, pretty-printed */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** @throws BadInputException when the text is not JSON */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("result JSON: malformed at line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @return the provenance as a JSON object */
    public static ObjectNode provenance(EvalProvenance p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("benchmark", p.benchmark());
        o.put("config", p.config());
        var arr = o.putArray("inputs");
        p.inputs().forEach(arr::add);
        o.put("tool_version", p.toolVersion());
        return o;
    }

    /** @return the provenance read back from {@link #provenance} */
    public static EvalProvenance provenance(JsonNode o) {
        List<String> inputs = new ArrayList<>();
        o.path("inputs").forEach(n -> inputs.add(n.asText()));
        return new EvalProvenance(o.path("benchmark").asText(), o.path("config").asText(), inputs,
                o.path("tool_version").asText());
    }

    /** @return a number node's value; NaN for null, a missing node or the text NaN */
    public static double number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.doubleValue();
    }

    /** @return the list of a JSON array of numbers */
    public static List<Double> numbers(JsonNode arr) {
        List<Double> out = new ArrayList<>(arr.size());
        arr.forEach(n -> out.add(number(n)));
        return out;
    }
}
