package sluice.engine.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;

/**
 * Reads and writes the {@code sluice/1} pipeline format. Reading never throws for a bad file: it returns what it could
 * read and every problem, with the line and column of JSON syntax errors. Stateless; any thread.
 */
public final class PipelineJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Position where = at == null ? Position.NOWHERE
                    : new Position(null, null, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
            return failed(where, "invalid JSON: %s", e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            return failed(Position.NOWHERE, "a pipeline file holds one JSON object");
        }
        List<Problem> problems = new ArrayList<>();
        String format = text(root, "format", PipelineSpec.FORMAT);
        if (!PipelineSpec.FORMAT.equals(format)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "unknown format '%s'; this version reads '%s'", format, PipelineSpec.FORMAT));
        }
        Trigger trigger = trigger(root.get("trigger"), problems);
        String checkpoint = root.hasNonNull("checkpointLocation") ? root.get("checkpointLocation").asText() : null;
        List<NodeSpec> nodes = new ArrayList<>();
        JsonNode nodeArray = root.get("nodes");
        if (nodeArray == null || !nodeArray.isArray()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "'nodes' must be an array of nodes"));
        } else {
            for (int i = 0; i < nodeArray.size(); i++) {
                node(nodeArray.get(i), i, problems).ifPresent(nodes::add);
            }
        }
        return new Read(new PipelineSpec(format, text(root, "name", "Untitled"), trigger, checkpoint, nodes), problems);
    }

    private static Read failed(Position where, String format, Object... args) {
        return new Read(null, List.of(Problem.of(ErrorCode.INVALID_FILE, where, format, args)));
    }

    private static String text(JsonNode object, String field, String fallback) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static Trigger trigger(JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull() || node.isEmpty()) {
            return Trigger.DEFAULT;
        }
        if (node.has("processingTime")) {
            String text = node.get("processingTime").asText();
            return TriggerText.parse(text).orElseGet(() -> {
                problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(null, "trigger"),
                        "invalid processingTime '%s'; write it like '1 second' or '500 milliseconds'", text));
                return Trigger.DEFAULT;
            });
        } else if (node.path("once").asBoolean(false)) {
            return new Trigger.Once();
        } else if (node.path("availableNow").asBoolean(false)) {
            return new Trigger.AvailableNow();
        }
        problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(null, "trigger"),
                "unknown trigger %s; use {\"processingTime\": \"1 second\"}, {\"once\": true} or {\"availableNow\": true}",
                node));
        return Trigger.DEFAULT;
    }

    private static java.util.Optional<NodeSpec> node(JsonNode node, int index, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "node %d is not a JSON object", index + 1));
            return java.util.Optional.empty();
        }
        String id = text(node, "id", "");
        if (id.isBlank()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "node %d has no 'id'", index + 1));
            return java.util.Optional.empty();
        }
        String type = text(node, "type", "");
        if (type.isBlank()) {
            problems.add(Problem.of(ErrorCode.UNKNOWN_NODE_TYPE, Position.node(id), "node has no 'type'"));
        }
        List<String> inputs = new ArrayList<>();
        JsonNode inputArray = node.get("inputs");
        if (inputArray != null && inputArray.isArray()) {
            inputArray.forEach(input -> inputs.add(input.asText()));
        } else if (inputArray != null && !inputArray.isNull()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.option(id, "inputs"),
                    "'inputs' must be an array of node ids"));
        }
        Map<String, OptionValue> options = new LinkedHashMap<>();
        JsonNode optionObject = node.get("options");
        if (optionObject != null && optionObject.isObject()) {
            optionObject.fields().forEachRemaining(entry -> option(id, entry.getKey(), entry.getValue(), problems)
                    .ifPresent(value -> options.put(entry.getKey(), value)));
        } else if (optionObject != null && !optionObject.isNull()) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.node(id), "'options' must be a JSON object"));
        }
        return java.util.Optional.of(new NodeSpec(id, type, inputs, node.path("x").asDouble(0),
                node.path("y").asDouble(0), options));
    }

    private static java.util.Optional<OptionValue> option(String id, String name, JsonNode value,
                                                          List<Problem> problems) {
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(element -> values.add(element.asText()));
            return java.util.Optional.of(OptionValue.of(values));
        } else if (value.isValueNode() && !value.isNull()) {
            // Spark's option values are strings; numbers and booleans written bare are taken as their text.
            return java.util.Optional.of(OptionValue.of(value.asText()));
        } else if (value.isNull()) {
            return java.util.Optional.empty();
        }
        problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.option(id, name),
                "an option value is a string or an array of strings"));
        return java.util.Optional.empty();
    }

    /** The pipeline as {@code sluice/1} JSON, nodes and options in their order. */
    public static String write(PipelineSpec spec) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("format", spec.format());
        root.put("name", spec.name());
        ObjectNode trigger = root.putObject("trigger");
        Trigger t = spec.trigger();
        if (t instanceof Trigger.ProcessingTime processingTime) {
            trigger.put("processingTime", processingTime.text());
        } else if (t instanceof Trigger.Once) {
            trigger.put("once", true);
        } else if (t instanceof Trigger.AvailableNow) {
            trigger.put("availableNow", true);
        }
        if (spec.checkpointLocation() == null) {
            root.putNull("checkpointLocation");
        } else {
            root.put("checkpointLocation", spec.checkpointLocation());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (NodeSpec node : spec.nodes()) {
            ObjectNode out = nodes.addObject();
            out.put("id", node.id());
            out.put("type", node.type());
            if (!node.inputs().isEmpty()) {
                ArrayNode inputs = out.putArray("inputs");
                node.inputs().forEach(inputs::add);
            }
            out.put("x", node.x());
            out.put("y", node.y());
            ObjectNode options = out.putObject("options");
            node.options().forEach((name, value) -> {
                if (value instanceof OptionValue.Text text) {
                    options.put(name, text.value());
                } else {
                    ArrayNode list = options.putArray(name);
                    ((OptionValue.TextList) value).values().forEach(list::add);
                }
            });
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
