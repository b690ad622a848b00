package io.avreplay.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration such as {@code 20s}, {@code 1.5s}, {@code 500ms}, {@code 2m} or {@code 1000000ns}
 * into nanoseconds. A bare number means seconds. Negative values are accepted here and rejected by
 * the command that knows what they mean.
 */
final class DurationConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double scale;
        String num;
        if (v.endsWith("ns")) {
            scale = 1;
            num = v.substring(0, v.length() - 2);
        } else if (v.endsWith("ms")) {
            scale = 1e6;
            num = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            scale = 1e9;
            num = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            scale = 60e9;
            num = v.substring(0, v.length() - 1);
        } else {
            scale = 1e9;
            num = v;
        }
        try {
            double d = Double.parseDouble(num);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return Math.round(d * scale);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (expected e.g. 20s, 500ms, 2m)");
        }
    }
}
