package sluice.engine.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * Reads and writes the {@code sluice/1} pipeline format. Reading never throws for a bad file: it returns what it could
 * read and every problem, with the line and column of JSON syntax errors. Stateless; any thread.
 */
public final class PipelineJson {
    private PipelineJson() {
    }

    /** The outcome of reading: a spec (null when the file could not be read at all) and the problems found. */
    public record Read(PipelineSpec spec, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    public static Read read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return failed(Position.NOWHERE, "pipeline file '%s' does not exist", file);
        } catch (IOException e) {
            return failed(Position.NOWHERE, "cannot read pipeline file '%s': %s", file, e.getMessage());
        }
        return parse(text);
    }

    public static Read parse(String text) {
        Object parsed;
        try {
            parsed = JsonValues.parse(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Position where = at == null ? Position.NOWHERE
                    : new Position(null, null, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
            return failed(where, "invalid JSON: %s", e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        Map<String, Object> root = JsonValues.object(parsed);
        if (root == null) {
            return failed(Position.NOWHERE, "a pipeline file holds one JSON object");
        }
        List<Problem> problems = new ArrayList<>();
        String format = JsonValues.text(root, "format", PipelineSpec.FORMAT);
        if (!PipelineSpec.FORMAT.equals(format)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "unknown format '%s'; this version reads '%s'", format, PipelineSpec.FORMAT));
        }
        Trigger trigger = trigger(root.get("trigger"), problems);
        String checkpoint = JsonValues.text(root, "checkpointLocation", null);
        List<NodeSpec> nodes = new ArrayList<>();
        if (!(root.get("nodes") instanceof List<?> nodeArray)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "'nodes' must be an array of nodes"));
        } else {
            for (int i = 0; i < nodeArray.size(); i++) {
                node(nodeArray.get(i), i, problems).ifPresent(nodes::add);
            }
        }
        return new Read(new PipelineSpec(format, JsonValues.text(root, "name", "Untitled"), trigger, checkpoint,
                nodes), problems);
    }

    private static Read failed(Position where, String format, Object... args) {
        return new Read(null, List.of(Problem.of(ErrorCode.INVALID_FILE, where, format, args)));
    }

    private static Trigger trigger(Object value, List<Problem> problems) {
        Map<String, Object> node = JsonValues.object(value);
        if (node == null || node.isEmpty()) {
            if (value != null && node == null) {
                problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(null, "trigger"),
                        "'trigger' must be an object such as {\"processingTime\": \"1 second\"}"));
            }
            return Trigger.DEFAULT;
        }
        if (node.containsKey("processingTime")) {
            String text = JsonValues.text(node, "processingTime", "");
            return TriggerText.parse(text).orElseGet(() -> {
                problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(null, "trigger"),
                        "invalid processingTime '%s'; write it like '1 second' or '500 milliseconds'", text));
                return Trigger.DEFAULT;
            });
        } else if (Boolean.TRUE.equals(node.get("once"))) {
            return new Trigger.Once();
        } else if (Boolean.TRUE.equals(node.get("availableNow"))) {
            return new Trigger.AvailableNow();
        }
        problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(null, "trigger"),
                "unknown trigger %s; use {\"processingTime\": \"1 second\"}, {\"once\": true} or {\"availableNow\": true}",
                JsonValues.write(node, false)));
        return Trigger.DEFAULT;
    }

    private static Optional<NodeSpec> node(Object value, int index, List<Problem> problems) {
        Map<String, Object> node = JsonValues.object(value);
        if (node == null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "node %d is not a JSON object", index + 1));
            return Optional.empty();
        }
        String id = JsonValues.text(node, "id", "");
        if (id.isBlank()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "node %d has no 'id'", index + 1));
            return Optional.empty();
        }
        String type = JsonValues.text(node, "type", "");
        if (type.isBlank()) {
            problems.add(Problem.of(ErrorCode.UNKNOWN_NODE_TYPE, Position.node(id), "node has no 'type'"));
        }
        List<String> inputs = new ArrayList<>();
        Object inputArray = node.get("inputs");
        if (inputArray instanceof List<?> list) {
            list.forEach(input -> inputs.add(JsonValues.scalarText(input)));
        } else if (inputArray != null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(id, "inputs"),
                    "'inputs' must be an array of node ids"));
        }
        Map<String, OptionValue> options = new LinkedHashMap<>();
        Object optionObject = node.get("options");
        if (optionObject instanceof Map<?, ?>) {
            JsonValues.object(optionObject).forEach((name, option) -> option(id, name, option, problems)
                    .ifPresent(parsed -> options.put(name, parsed)));
        } else if (optionObject != null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.node(id), "'options' must be a JSON object"));
        }
        return Optional.of(new NodeSpec(id, type, inputs, JsonValues.decimal(node, "x", 0),
                JsonValues.decimal(node, "y", 0), options));
    }

    private static Optional<OptionValue> option(String id, String name, Object value, List<Problem> problems) {
        if (value instanceof List<?> list) {
            List<String> values = new ArrayList<>();
            list.forEach(element -> values.add(JsonValues.scalarText(element)));
            return Optional.of(OptionValue.of(values));
        } else if (value == null) {
            return Optional.empty();
        } else if (!(value instanceof Map<?, ?>)) {
            // Spark's option values are strings; numbers and booleans written bare are taken as their text.
            return Optional.of(OptionValue.of(JsonValues.scalarText(value)));
        }
        problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.option(id, name),
                "an option value is a string or an array of strings"));
        return Optional.empty();
    }

    /** The pipeline as {@code sluice/1} JSON, nodes and options in their order. */
    public static String write(PipelineSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", spec.format());
        root.put("name", spec.name());
        Map<String, Object> trigger = new LinkedHashMap<>();
        Trigger t = spec.trigger();
        if (t instanceof Trigger.ProcessingTime processingTime) {
            trigger.put("processingTime", processingTime.text());
        } else if (t instanceof Trigger.Once) {
            trigger.put("once", true);
        } else if (t instanceof Trigger.AvailableNow) {
            trigger.put("availableNow", true);
        }
        root.put("trigger", trigger);
        root.put("checkpointLocation", spec.checkpointLocation());
        List<Object> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", node.id());
            out.put("type", node.type());
            if (!node.inputs().isEmpty()) {
                out.put("inputs", new ArrayList<Object>(node.inputs()));
            }
            out.put("x", node.x());
            out.put("y", node.y());
            Map<String, Object> options = new LinkedHashMap<>();
            node.options().forEach((name, value) -> options.put(name, value instanceof OptionValue.Text text
                    ? text.value() : new ArrayList<Object>(((OptionValue.TextList) value).values())));
            out.put("options", options);
            nodes.add(out);
        }
        root.put("nodes", nodes);
        return JsonValues.write(root, true) + System.lineSeparator();
    }
}
