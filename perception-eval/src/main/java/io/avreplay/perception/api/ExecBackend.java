package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * A detector running in its own process, in any language, on any hardware. avreplay starts
 * {@code command} once per model, writes one Arrow IPC stream of requests to its stdin and reads one Arrow
 * IPC stream of answers from its stdout (docs/detector-protocol.md gives both schemas); its stderr is kept
 * for error messages. The card's input is {@link RawFrames}: the process gets the frames as logged.
 *
 * @param command          program and arguments, e.g. {@code ["python3", "detector.py"]}; not empty
 * @param workingDir       working directory, relative to the model directory ({@code ""} or absent: the model
 *                         directory itself)
 * @param env              extra environment variables (added to avreplay's)
 * @param startupTimeoutMs longest wait for the first answer (model loading included), milliseconds
 * @param requestTimeoutMs longest wait for each later answer, milliseconds
 */
public record ExecBackend(List<String> command, String workingDir, Map<String, String> env, long startupTimeoutMs,
        long requestTimeoutMs) implements BackendSpec {
    /** @throws IllegalArgumentException naming the field when the command is empty or a timeout not positive */
    public ExecBackend {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("backend.command must name a program, got " + command);
        }
        command = List.copyOf(command);
        workingDir = workingDir == null ? "" : workingDir;
        env = env == null ? Map.of() : Map.copyOf(env);
        if (startupTimeoutMs <= 0 || requestTimeoutMs <= 0) {
            throw new IllegalArgumentException("backend.startupTimeoutMs and requestTimeoutMs must be > 0, got "
                    + startupTimeoutMs + " and " + requestTimeoutMs);
        }
    }

    @Override
    @JsonIgnore
    public String kind() {
        return "exec";
    }
}
