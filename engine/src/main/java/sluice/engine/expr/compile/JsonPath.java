package sluice.engine.expr.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A path of get_json_object, in Spark's subset of JSONPath: {@code $} and then steps {@code .name},
 * {@code ['name']}, {@code [n]}, {@code [*]}, and {@code .*} or {@code ['*']} (which Spark parses but which never
 * matches). Spaces before a step's parts are skipped as Spark's parser skips them. Immutable.
 */
record JsonPath(List<Step> steps) {
    JsonPath {
        steps = List.copyOf(steps);
    }

    /** One step: a named field, an array index, every element of an array, or any field. */
    sealed interface Step permits Field, Index, EveryElement, AnyField {
    }

    record Field(String name) implements Step {
    }

    record Index(long index) implements Step {
    }

    record EveryElement() implements Step {
    }

    record AnyField() implements Step {
    }

    /** The path, or null when the text is not one (get_json_object then gives NULL). */
    static JsonPath parse(String text) {
        Reader reader = new Reader(text);
        if (!reader.accept("$")) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        while (!reader.atEnd()) {
            Step step = reader.step();
            if (step == null) {
                return null;
            }
            steps.add(step);
        }
        return new JsonPath(steps);
    }

    /** Reads the steps of a path left to right; a step is tried as any-field, then named, then subscript. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipSpaces();
            return at == text.length();
        }

        Step step() {
            if (accept(".*") || accept("['*']")) {
                return new AnyField();
            }
            int start = at;
            if (accept(".")) {
                skipSpaces();
                String name = run(c -> c != '.' && c != '[');
                if (name != null) {
                    return new Field(name);
                }
                return null;
            }
            if (accept("['")) {
                skipSpaces();
                String name = run(c -> c != '\'');
                if (name != null && accept("']")) {
                    return new Field(name);
                }
                return null;
            }
            if (accept("[")) {
                Step subscript = subscript();
                if (subscript != null && accept("]")) {
                    return subscript;
                }
            }
            at = start;
            return null;
        }

        private Step subscript() {
            if (accept("*")) {
                return new EveryElement();
            }
            skipSpaces();
            String digits = run(c -> c >= '0' && c <= '9');
            if (digits == null || digits.length() > 19) {
                return null;
            }
            try {
                return new Index(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The longest non-empty run of characters that pass, or null. */
        private String run(IntPredicate passes) {
            int start = at;
            while (at < text.length() && passes.test(text.charAt(at))) {
                at++;
            }
            return at > start ? text.substring(start, at) : null;
        }

        boolean accept(String literal) {
            skipSpaces();
            if (text.startsWith(literal, at)) {
                at += literal.length();
                return true;
            }
            return false;
        }

        /** Spark's path parser skips the characters of the regular expression \s before each part. */
        private void skipSpaces() {
            while (at < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }
    }
}
