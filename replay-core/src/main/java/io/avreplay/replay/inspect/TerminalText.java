package io.avreplay.replay.inspect;

/**
 * Makes text from a log (ids, names, tags, messages that quote them) safe to print on a terminal:
 * control characters (C0, DEL, C1; an escape sequence could clear the screen or forge output) are
 * written as {@code \\uXXXX}, and a backslash as two. Stateless.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** @return {@code s} with every control character escaped; {@code s} itself when it has none */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
