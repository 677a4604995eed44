package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An option's value as written in the file: one string, or an array of strings (expression lists). */
public sealed interface OptionValue permits OptionValue.Text, OptionValue.TextList {

    static OptionValue of(String value) {
        return new Text(value);
    }

    static OptionValue of(List<String> values) {
        return new TextList(values);
    }

    /** A single string value. */
    record Text(String value) implements OptionValue {
        public Text {
            requireNonNull(value, "value is null");
        }
    }

    /** An array of strings. */
    record TextList(List<String> values) implements OptionValue {
        public TextList {
            values = List.copyOf(values);
        }
    }
}
