package io.avreplay.perception.exec;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ExecBackend;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * A detector running in its own process ({@link ExecBackend}). The process is started once, at
 * construction; each {@link #detect} writes one request batch to its stdin and waits for one answer batch
 * on its stdout, within the card's timeouts. When the process exits, answers with a wrong schema, another
 * request id, or nothing in time, the process and its children are killed and {@link BadInputException}
 * says so in one line with the tail of its stderr; the detector is then unusable. Not thread-safe. Owns a
 * child of the allocator it is given, closed by {@link #close}.
 */
public final class ExecDetector implements Detector {
    private final ModelCard card;
    private final ExecBackend backend;
    private final Process process;
    private final StderrTail stderr;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot request;
    private final ArrowStreamWriter writer;
    private final ArrowStreamReader reader;
    private final ExecutorService io;
    private long nextId = 1;
    private boolean answeredOnce;
    private boolean failed;

    private ExecDetector(ModelCard card, ExecBackend backend, Process process, BufferAllocator allocator) {
        this.card = card;
        this.backend = backend;
        this.process = process;
        this.stderr = new StderrTail(process.getErrorStream());
        this.allocator = allocator;
        this.request = VectorSchemaRoot.create(DetectorProtocol.requestSchema(), allocator);
        this.writer = new ArrowStreamWriter(request, null, Channels.newChannel(process.getOutputStream()));
        this.reader = new ArrowStreamReader(process.getInputStream(), allocator);
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "avreplay-exec-" + card.name());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the card's command in {@code modelDir} (or the card's working directory under it).
     *
     * @throws BadInputException when the command cannot be started
     */
    public static ExecDetector start(Path modelDir, ModelCard card, BufferAllocator parent) {
        if (!(card.backend() instanceof ExecBackend backend)) {
            throw new IllegalArgumentException("card " + card.name() + " has backend " + card.backend().kind()
                    + ", expected exec");
        }
        ProcessBuilder pb = new ProcessBuilder(backend.command())
                .directory(modelDir.resolve(backend.workingDir()).toAbsolutePath().toFile());
        pb.environment().putAll(backend.env());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BadInputException("exec model " + card.name() + " (" + modelDir + "): cannot start "
                    + backend.command() + ": " + e.getMessage(), e);
        }
        BufferAllocator a = parent.newChildAllocator("exec " + card.name(), 0, Long.MAX_VALUE);
        return new ExecDetector(card, backend, p, a);
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Detections detect(FrameSet frames) {
        if (failed) {
            throw new IllegalStateException("exec model " + card.name() + " failed before; its process is gone");
        }
        if (frames.sweeps().isEmpty() && frames.cameras().isEmpty()) {
            return new Detections(frames.timestampNs(), List.of(), List.of());
        }
        long id = nextId++;
        long timeoutMs = answeredOnce ? backend.requestTimeoutMs() : backend.startupTimeoutMs();
        Future<DetectorProtocol.Answer> answer = io.submit(() -> exchange(id, frames));
        try {
            DetectorProtocol.Answer a = answer.get(timeoutMs, TimeUnit.MILLISECONDS);
            answeredOnce = true;
            return new Detections(frames.timestampNs(), a.objects3d(), a.objects2d());
        } catch (TimeoutException e) {
            throw fail("no answer to request " + id + " within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof BadInputException b) {
                throw fail(b.getMessage(), b);
            }
            String what = c instanceof IOException ? c.getMessage() : c.toString();
            throw fail(exitedOr("cannot exchange request " + id + ": " + what), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted waiting for request " + id, e);
        }
    }

    private DetectorProtocol.Answer exchange(long id, FrameSet frames) throws IOException {
        DetectorProtocol.encode(id, frames, request);
        if (id == 1) {
            writer.start();
        }
        writer.writeBatch();
        process.getOutputStream().flush();
        String where = "exec model " + card.name();
        if (id == 1) {
            DetectorProtocol.checkSchema(reader.getVectorSchemaRoot().getSchema(), card.task(), where);
        }
        if (!reader.loadNextBatch()) {
            throw new IOException("its stdout ended before answering request " + id);
        }
        return DetectorProtocol.decode(reader.getVectorSchemaRoot(), id, card, where);
    }

    private String exitedOr(String what) {
        try {
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                return "process exited with code " + process.exitValue() + " (" + what + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return what;
    }

    /** Kills the process tree and builds the one-line error with the stderr tail. */
    private BadInputException fail(String what, Throwable cause) {
        failed = true;
        killTree();
        String message = what.startsWith("exec model ") ? what : "exec model " + card.name() + ": " + what;
        stderr.awaitEnd(1000);
        String tail = stderr.tail();
        return new BadInputException(message + (tail.isEmpty() ? "" : "; stderr: " + tail), cause);
    }

    /** Kills the process and its descendants and waits (up to 5 s each) until they are gone. */
    private void killTree() {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // Signalled; the kernel finishes it. Nothing else can be done from here.
            }
        }
    }

    /** @return the process, for tests that check it is gone */
    Process process() {
        return process;
    }

    /** Ends the stream (the process should then exit), waits up to the request timeout, then kills it. */
    @Override
    public void close() {
        try {
            if (!failed) {
                try {
                    if (nextId == 1) {
                        writer.start();
                    }
                    writer.end();
                    process.getOutputStream().close();
                } catch (IOException e) {
                    // The process is gone already; killTree below reaps it.
                }
                try {
                    process.waitFor(backend.requestTimeoutMs(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            killTree();
        } finally {
            io.shutdownNow();
            try {
                io.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            request.close();
            try {
                reader.close();
            } catch (IOException | RuntimeException e) {
                // Only buffers of an unfinished read remain; the allocator below reports any leak.
            }
            allocator.close();
        }
    }
}
