package sluice.engine.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import sluice.engine.pipeline.DurationText;
import sluice.engine.pipeline.Trigger;
import sluice.engine.pipeline.TriggerText;

/**
 * The typed values of the command line's options, checked as picocli reads them. A refused value's message reads after
 * the option's name ("--timeout must be longer than 0, not '0s'"); {@link Main} prints it as one line, exit code 2.
 */
final class ArgumentTypes {
    private ArgumentTypes() {
    }

    /** A file or folder; an empty text would silently mean the working directory. */
    static final class NonEmptyPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            if (text.isBlank()) {
                throw new TypeConversionException("must name a file or folder, not '" + text + "'");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("must be a path, not '" + text + "': " + e.getReason());
            }
        }
    }

    /** {@code once}, {@code available-now} or an interval. */
    static final class TriggerValue implements ITypeConverter<Trigger> {
        @Override
        public Trigger convert(String text) {
            return TriggerText.parse(text).orElseThrow(() -> new TypeConversionException(
                    "must be " + TriggerText.requirement(text) + ", not '" + text + "'"));
        }
    }

    /** A duration longer than zero: a limit of nothing makes no sense. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration duration = DurationText.parse(text).orElseThrow(() -> new TypeConversionException(
                    "must be " + DurationText.requirement(text) + ", not '" + text + "'"));
            if (duration.isZero()) {
                throw new TypeConversionException("must be longer than 0, not '" + text + "'");
            }
            return duration;
        }
    }

    /** A count of at least 1: no batch at all is not a limit anybody means. */
    static final class PositiveCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            long count;
            try {
                count = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                String digits = text.trim();
                throw new TypeConversionException(digits.matches("\\+?\\d+")
                        ? "must be at most " + Long.MAX_VALUE + ", not '" + text + "'"
                        : digits.matches("-\\d+") ? "must be at least 1, not '" + text + "'"
                        : "must be a whole number such as 10, not '" + text + "'");
            }
            if (count < 1) {
                throw new TypeConversionException("must be at least 1, not '" + text + "'");
            }
            return count;
        }
    }
}
