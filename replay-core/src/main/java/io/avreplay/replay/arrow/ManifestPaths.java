package io.avreplay.replay.arrow;

import io.avreplay.error.BadInputException;
import java.nio.file.Path;

/**
 * The names a manifest may give files: normalized relative paths with {@code /} separators that stay
 * inside the log directory. Absolute paths, {@code ..}, {@code .} and empty segments, backslashes and
 * control characters are refused, so one file has one spelling and no name escapes the log.
 * (Symbolic links are checked on disk by {@link LogFiles}.) Stateless.
 */
final class ManifestPaths {
    private ManifestPaths() {
    }

    /**
     * @return {@code name}, unchanged, when it is acceptable
     * @throws BadInputException naming the manifest and field otherwise
     */
    static String check(Path manifest, String field, String name) {
        String why = problem(name);
        if (why != null) {
            throw new BadInputException(manifest + ": field '" + field + "': path '" + name + "' " + why);
        }
        return name;
    }

    private static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.startsWith("/") || name.contains("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is absolute (expected a path relative to the log directory)";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "contains a control character";
            }
        }
        for (String seg : name.split("/", -1)) {
            if (seg.equals("..")) {
                return "leaves the log directory ('..')";
            }
            if (seg.isEmpty() || seg.equals(".")) {
                return "is not normalized (empty or '.' segment)";
            }
        }
        return null;
    }
}
