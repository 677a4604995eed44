package sluice.engine.pipeline;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.Suggestion;

/** The checks every object of a pipeline file gets: no unknown keys, and the JSON kind of each value. Stateless. */
final class JsonFields {
    private JsonFields() {
    }

    /**
     * Every key of {@code object} that is not in {@code known} is a problem, with a did-you-mean suggestion or else
     * the keys {@code owner} takes, as unknown node options are.
     */
    static void unknownKeys(Map<String, Object> object, List<String> known, String owner, Position where,
                            List<Problem> problems) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                String hint = Suggestion.didYouMean(key, known);
                problems.add(Problem.of(ErrorCode.INVALID_FILE, where, "unknown key '%s'%s", key,
                        hint.isEmpty() ? "; " + owner + " takes " + String.join(", ", known) : hint));
            }
        }
    }

    /** What a JSON value is, for "must be …, not a number". */
    static String kindOf(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return "a number";
        } else if (value instanceof List<?>) {
            return "an array";
        } else if (value instanceof Map<?, ?>) {
            return "an object";
        }
        throw new AssertionError(value);
    }

    /** Whether a JSON value is a number or a boolean: an option value Spark takes as its text. */
    static boolean isScalar(Object value) {
        return value instanceof Boolean || value instanceof Long || value instanceof BigInteger
                || value instanceof Double;
    }
}
