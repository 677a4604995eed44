package sluice.engine.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.json.JsonValues;

/**
 * Reads one node of a {@code sluice/1} file: {@code id}, {@code type}, {@code inputs}, {@code x}, {@code y},
 * {@code options}, each of its JSON kind; anything else is a problem. Stateless.
 */
final class NodeJson {
    private static final List<String> KEYS = List.of("id", "type", "inputs", "x", "y", "options");

    private NodeJson() {
    }

    /** The node, or empty when it has no usable id (then nothing else can say where its problems are). */
    static Optional<NodeSpec> read(Object value, int index, List<Problem> problems) {
        Map<String, Object> node = JsonValues.object(value);
        if (node == null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "node %d is not a JSON object",
                    index + 1));
            return Optional.empty();
        }
        Object idValue = node.get("id");
        if (idValue != null && !(idValue instanceof String)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "node %d: 'id' must be a string such as \"filter-2\", not %s", index + 1,
                    JsonFields.kindOf(idValue)));
            return Optional.empty();
        }
        String id = idValue == null ? "" : (String) idValue;
        if (id.isBlank()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "node %d has no 'id'", index + 1));
            return Optional.empty();
        }
        JsonFields.unknownKeys(node, KEYS, "a node", Position.node(id), problems);
        return Optional.of(new NodeSpec(id, type(node, id, problems), inputs(node, id, problems),
                coordinate(node, "x", id, problems), coordinate(node, "y", id, problems), options(node, id, problems)));
    }

    private static String type(Map<String, Object> node, String id, List<Problem> problems) {
        Object type = node.get("type");
        if (type instanceof String text && !text.isBlank()) {
            return text;
        }
        problems.add(Problem.of(ErrorCode.UNKNOWN_NODE_TYPE, Position.option(id, "type"), type == null
                || type instanceof String ? "node has no 'type'"
                : "'type' must be a node type such as \"source.rate\", not " + JsonFields.kindOf(type)));
        return "";
    }

    private static List<String> inputs(Map<String, Object> node, String id, List<Problem> problems) {
        Object value = node.get("inputs");
        List<String> inputs = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String input) {
                    inputs.add(input);
                } else {
                    problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(id, "inputs"),
                            "input %d must be a node id (a string), not %s", i + 1, JsonFields.kindOf(list.get(i))));
                }
            }
        } else if (value != null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(id, "inputs"),
                    "'inputs' must be an array of node ids, not %s", JsonFields.kindOf(value)));
        }
        return inputs;
    }

    // A canvas position; not an option (sink.chart has an option 'x'), so the problem names the node only.
    private static double coordinate(Map<String, Object> node, String key, String id, List<Problem> problems) {
        Object value = node.get(key);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        problems.add(value instanceof Number
                ? Problem.of(ErrorCode.INVALID_FILE, Position.node(id), "'%s' is too large for a canvas position", key)
                : Problem.of(ErrorCode.INVALID_FILE, Position.node(id),
                        "'%s' is a canvas position and must be a number, not %s", key, JsonFields.kindOf(value)));
        return 0;
    }

    private static Map<String, OptionValue> options(Map<String, Object> node, String id, List<Problem> problems) {
        Map<String, OptionValue> options = new LinkedHashMap<>();
        Object value = node.get("options");
        if (value instanceof Map<?, ?>) {
            JsonValues.object(value).forEach((name, option) -> option(id, name, option, problems)
                    .ifPresent(parsed -> options.put(name, parsed)));
        } else if (value != null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.node(id),
                    "'options' must be a JSON object, not %s", JsonFields.kindOf(value)));
        }
        return options;
    }

    private static Optional<OptionValue> option(String id, String name, Object value, List<Problem> problems) {
        Position where = Position.option(id, name);
        if (value instanceof String text) {
            return Optional.of(OptionValue.of(text));
        } else if (JsonFields.isScalar(value)) {
            // Spark's option(key, value) takes numbers and booleans as their text; so does the file.
            return Optional.of(OptionValue.of(JsonValues.scalarText(value)));
        } else if (value instanceof List<?> list) {
            // The strings are kept, so the option is not also reported missing.
            List<String> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String text) {
                    values.add(text);
                } else {
                    problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE,
                            where.withOption(Position.elementOption(name, i)), "an element of '%s' must be a string, "
                                    + "not %s", name, JsonFields.kindOf(list.get(i))));
                }
            }
            return Optional.of(OptionValue.of(values));
        }
        problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where, "an option value is a string or an array of "
                + "strings, not %s%s", JsonFields.kindOf(value), value == null ? "; leave the option out to unset it"
                : ""));
        return Optional.empty();
    }
}
