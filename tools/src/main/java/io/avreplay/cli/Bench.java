package io.avreplay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every benchmark shares: {@code --format}, measuring once, then printing the result as JSON (its
 * fields, plus {@link #derived}) or as text lines. Subclasses add their options and say how to measure and
 * print.
 *
 * @param <R> the benchmark's result record
 */
abstract class Bench<R> implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    /** Runs the benchmark. */
    abstract R measure() throws Exception;

    /** Prints the result for a person. */
    abstract void text(PrintWriter out, R r);

    /** Adds computed figures to the JSON form; none by default. */
    void derived(ObjectNode json, R r) {
    }

    /** @return the result as JSON: its record components plus {@link #derived} */
    JsonNode json(R r) {
        JsonNode node = Json.MAPPER.valueToTree(r);
        if (node instanceof ObjectNode o) {
            derived(o, r);
        }
        return node;
    }

    @Override
    public Integer call() throws Exception {
        R r = measure();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.println(Json.write(json(r)));
        } else {
            text(out, r);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** @return a progress sink printing {@code bench NAME: line} on stderr */
    Consumer<String> progress(String name) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("bench " + name + ": " + line);
            err.flush();
        };
    }
}
