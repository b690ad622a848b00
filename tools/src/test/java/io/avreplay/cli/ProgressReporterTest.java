package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress appears on stderr only when stderr is a terminal, and never on stdout. */
class ProgressReporterTest {
    @TempDir
    Path tmp;

    /** A 1 s cut-in log without camera: lidar at 10 Hz gives sweeps at 0, 0.1 ... 1.0 s, so 11 of them. */
    private String[] synth(String out) {
        return new String[] {"synth", "--preset", "cut-in", "--seed", "1", "--duration", "1s", "--rate-camera", "0",
            "--compression", "none", "--out", tmp.resolve(out).toString()};
    }

    private static CliRun run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AvreplayCli.create(new PrintWriter(out), new PrintWriter(err), args, terminal).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void aTerminalGetsABarOnStderrWithDoneTotalAndRate() {
        CliRun r = run(true, synth("tty"));
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("lidar") && r.err().contains("100%") && r.err().contains("11/11"), r.err());
        assertTrue(r.err().contains(" frames/s"), "rate shown: " + r.err());
        assertTrue(r.out().startsWith("wrote ") && !r.out().contains("\r") && !r.out().contains("%"), r.out());
    }

    @Test
    void withoutATerminalNothingExtraIsPrinted() {
        CliRun r = run(false, synth("pipe"));
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("", r.err());
        CliRun never = run(true, withProgress("never", synth("never")));
        assertEquals("", never.err());
        CliRun always = run(false, withProgress("always", synth("always")));
        assertTrue(always.err().contains("11/11"), always.err());
    }

    private static String[] withProgress(String when, String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--progress");
        a.add(when);
        return a.toArray(String[]::new);
    }

    /**
     * The real process under a pseudo-terminal ({@code script} from util-linux): stdout goes to a file, stderr
     * stays on the terminal and shows the bar; the same command with both streams piped shows nothing extra.
     */
    @Test
    void underAPseudoTerminalTheProcessDrawsOnStderrOnly() throws Exception {
        List<String> java = javaCommand(synth("pty"));
        Path stdout = tmp.resolve("stdout.txt");
        String shell = String.join(" ", java.stream().map(ProgressReporterTest::quote).toList()) + " > " + quote(
                stdout.toString());
        Path terminal = tmp.resolve("terminal.txt");
        Process p = new ProcessBuilder("script", "-qec", shell, "/dev/null").redirectOutput(terminal.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "script did not finish");
        String shown = Files.readString(terminal, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), shown);
        assertTrue(shown.contains("lidar") && shown.contains("11/11"), shown);
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertTrue(out.startsWith("wrote ") && !out.contains("\r") && !out.contains("11/11"), out);

        Path pipedErr = tmp.resolve("err.txt");
        Process piped = new ProcessBuilder(javaCommand(synth("piped"))).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(pipedErr.toFile()).start();
        assertTrue(piped.waitFor(120, TimeUnit.SECONDS), "piped run did not finish");
        assertEquals(0, piped.exitValue(), Files.readString(pipedErr));
        assertEquals("", Files.readString(pipedErr));
    }

    /** This JVM (its class path and the flags Arrow needs) running the CLI's {@link Main}. */
    private static List<String> javaCommand(String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("-Dorg.bytedeco")) {
                cmd.add(flag);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void stagesEachGetTheirOwnBar() {
        StringWriter err = new StringWriter();
        try (ProgressReporter.Task t = new ProgressReporter(new PrintWriter(err), true).task("frames")) {
            t.step("log-a", 1, 2);
            t.step("log-a", 2, 2);
            t.step("log-b", 1, 1);
        }
        String e = err.toString();
        assertTrue(e.contains("log-a") && e.contains("2/2") && e.contains("log-b") && e.contains("1/1"), e);
    }
}
