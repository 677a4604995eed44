package sluice.engine.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The short log-like messages of the JSON sample files, one list per file. Stateless.
 *
 * <p>Levels and components come in mixed case on purpose, so that {@code upper(message)} and {@code lower(message)}
 * visibly change rows, and one message holds non-ASCII letters to show that text survives the engine as UTF-8.
 */
final class LogMessages {
    /** File names without the {@code .json} extension, in the order they are written. */
    static final List<String> FILES = List.of("a", "b", "c");

    static final String UNICODE_MESSAGE = "Order 1042 from Café Zürich shipped";

    private static final List<String> LEVELS = List.of("INFO", "WARN", "ERROR", "info", "Debug");
    private static final List<String> COMPONENTS = List.of("Checkpoint", "rate-source", "ConsoleSink", "scheduler",
            "OffsetLog", "StateStore");
    private static final List<String> EVENTS = List.of(
            "committed batch %d",
            "Trigger fired for batch %d",
            "read %d rows from socket",
            "watermark moved on by %d ms",
            "Retrying connection, attempt %d",
            "snapshot version %d written",
            "slow batch took %d ms",
            "User %d logged in");

    private LogMessages() {
    }

    /** The messages of the {@code fileIndex}-th file of {@link #FILES}; each file has its own seed and length. */
    static List<String> messages(int fileIndex) {
        Random random = new Random(0xC0FFEEL + fileIndex);
        int count = 12 + 3 * fileIndex;
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String event = String.format(Locale.ROOT, pick(EVENTS, random), 1 + random.nextInt(500));
            messages.add(pick(LEVELS, random) + " " + pick(COMPONENTS, random) + ": " + event);
        }
        if (fileIndex == 1) {
            messages.set(4, UNICODE_MESSAGE);
        }
        return messages;
    }

    /** One JSON line {@code {"message": "..."}}, escaped by RFC 8259 rules; non-ASCII stays literal UTF-8. */
    static String toJsonLine(String message) {
        StringBuilder line = new StringBuilder("{\"message\": \"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        return line.append("\"}").toString();
    }

    private static String pick(List<String> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
