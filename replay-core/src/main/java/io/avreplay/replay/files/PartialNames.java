package io.avreplay.replay.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names of the hidden temporaries beside an output ({@code .NAME.partial-<pid>-<nonce>},
 * {@code .NAME.old-<pid>-<nonce>}) and the removal of abandoned ones. A temporary is abandoned when the
 * process id in its name is no longer alive; a temporary of the older naming (no process id:
 * {@code .NAME.partial}, {@code .NAME.partial-<digits>}, {@code .NAME.tmp}) when it was last modified more
 * than {@link #LEGACY_AGE} ago. Only names derived from the output's own name are touched.
 */
final class PartialNames {
    /** Age after which a temporary of the older naming, which carries no process id, counts as abandoned. */
    static final Duration LEGACY_AGE = Duration.ofHours(6);

    private PartialNames() {
    }

    static Path partial(Path dest) {
        return sibling(dest, ".partial-");
    }

    static Path old(Path dest) {
        return sibling(dest, ".old-");
    }

    private static Path sibling(Path dest, String infix) {
        long nonce = ThreadLocalRandom.current().nextLong(1L << 40);
        return dest.resolveSibling("." + dest.getFileName() + infix + ProcessHandle.current().pid() + "-"
                + Long.toString(nonce, 36));
    }

    /**
     * Deletes the abandoned temporaries of {@code dest} (see the class comment). Never throws: a leftover
     * that cannot be removed stays for a later run.
     *
     * @return the paths removed
     */
    static List<Path> removeAbandoned(Path dest, Instant now) {
        List<Path> removed = new ArrayList<>();
        Path parent = dest.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return removed;
        }
        String base = "." + dest.getFileName();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(base))) {
            for (Path p : siblings) {
                String rest = p.getFileName().toString().substring(base.length());
                boolean old = rest.startsWith(".old-");
                if (isAbandoned(p, rest, now) && !(old && !Files.exists(dest, LinkOption.NOFOLLOW_LINKS))) {
                    FileTrees.deleteQuietly(p);
                    removed.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning leftovers is a courtesy; the write itself decides the outcome
        }
        return removed;
    }

    private static boolean isAbandoned(Path p, String rest, Instant now) throws IOException {
        OptionalLong pid = pid(rest);
        if (pid.isPresent()) {
            return ProcessHandle.of(pid.getAsLong()).map(h -> !h.isAlive()).orElse(true);
        }
        if (!rest.equals(".partial") && !rest.equals(".tmp") && !rest.matches("\\.partial-\\d+")) {
            return false;
        }
        FileTime modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().plus(LEGACY_AGE).isBefore(now);
    }

    /** The process id in {@code .partial-<pid>-<nonce>} or {@code .old-<pid>-<nonce>}, if the rest has that form. */
    static OptionalLong pid(String rest) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.(?:partial|old)-(\\d{1,18})-[0-9a-z]+").matcher(rest);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
