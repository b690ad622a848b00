package io.avreplay.cli;

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
        try {
            return Durations.parseNs("duration", value);
        } catch (io.avreplay.error.InvalidConfigException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (expected e.g. 20s, 500ms, 2m)");
        }
    }
}
