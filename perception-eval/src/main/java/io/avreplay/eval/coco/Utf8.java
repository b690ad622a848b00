package io.avreplay.eval.coco;

/** Well-formedness of UTF-8 byte sequences (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF). */
final class Utf8 {
    private Utf8() {
    }

    /** @return whether {@code b} can start a multi-byte sequence */
    static boolean isLead(byte b) {
        int lead = b & 0xFF;
        return lead >= 0xC2 && lead <= 0xF4;
    }

    /**
     * @param i offset of a byte at or above 0x80
     * @return the offset after the well-formed multi-byte sequence starting at {@code i}, or -1 when it is
     *         not one
     */
    static int sequenceEnd(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        int n;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        int cp = lead & (0x3F >> n);
        for (int k = 1; k <= n; k++) {
            if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return i + n + 1;
    }
}
