package sluice.engine.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
 * read and every problem, with the line and column of JSON syntax errors. Every key has its JSON kind and an unknown
 * key is a problem, so a misspelt {@code "triger"} is not silently ignored. Stateless; any thread.
 */
public final class PipelineJson {
    /** A pipeline is a small file; a larger one, or one that never ends (/dev/zero), is refused before memory fills. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final List<String> KEYS = List.of("format", "name", "trigger", "checkpointLocation", "nodes");
    private static final List<String> TRIGGER_KEYS = List.of("processingTime", "once", "availableNow");
    private static final String TRIGGER_FORMS =
            "{\"processingTime\": \"1 second\"}, {\"once\": true} or {\"availableNow\": true}";

    private PipelineJson() {
    }

    /** The outcome of reading: a spec (null when the file could not be read at all) and the problems found. */
    public record Read(PipelineSpec spec, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    public static Read read(Path file) {
        if (Files.isDirectory(file)) {
            return failed(Position.NOWHERE, "'%s' is a folder, not a pipeline file", file);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return failed(Position.NOWHERE, "pipeline file '%s' does not exist", file);
        } catch (AccessDeniedException e) {
            return failed(Position.NOWHERE, "cannot read pipeline file '%s': permission denied", file);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException system && system.getReason() != null
                    ? system.getReason() : e.getMessage();
            return failed(Position.NOWHERE, "cannot read pipeline file '%s': %s", file, reason);
        }
        if (bytes.length > MAX_BYTES) {
            return failed(Position.NOWHERE, "pipeline file '%s' is larger than %d MB; a pipeline is a small JSON file",
                    file, MAX_BYTES / (1024 * 1024));
        }
        return text(bytes).map(PipelineJson::parse).orElseGet(() -> notText(bytes));
    }

    private static Optional<String> text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            // A byte order mark, as some editors write one, is not part of the JSON.
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The problem of a file that is not UTF-8, at the line and column of its first bad byte. */
    private static Read notText(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        decoder.decode(in, out, true);
        String before = out.flip().toString();
        int line = 1 + (int) before.chars().filter(ch -> ch == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        return failed(new Position(null, null, line, column),
                "the pipeline file is not UTF-8 text: byte 0x%02X cannot start a character here", bytes[in.position()]);
    }

    public static Read parse(String text) {
        Object parsed;
        try {
            parsed = JsonValues.parseWithUniqueKeys(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Position where = at == null ? Position.NOWHERE
                    : new Position(null, null, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
            return failed(where, "%s", JsonSyntaxMessage.of(e.getOriginalMessage()));
        }
        Map<String, Object> root = JsonValues.object(parsed);
        if (root == null) {
            return failed(Position.NOWHERE, "a pipeline file holds one JSON object");
        }
        List<Problem> problems = new ArrayList<>();
        JsonFields.unknownKeys(root, KEYS, "a pipeline file", Position.NOWHERE, problems);
        format(root.get("format"), problems);
        String name = name(root.get("name"), problems);
        Trigger trigger = trigger(root.get("trigger"), problems);
        String checkpoint = checkpointLocation(root.get("checkpointLocation"), problems);
        List<NodeSpec> nodes = new ArrayList<>();
        if (root.get("nodes") instanceof List<?> nodeArray) {
            for (int i = 0; i < nodeArray.size(); i++) {
                NodeJson.read(nodeArray.get(i), i, problems).ifPresent(nodes::add);
            }
        } else if (root.get("nodes") == null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "the file has no 'nodes'; a pipeline file lists its nodes in \"nodes\": [...]"));
        } else {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "'nodes' must be an array of nodes, "
                    + "not %s", JsonFields.kindOf(root.get("nodes"))));
        }
        return new Read(new PipelineSpec(PipelineSpec.FORMAT, name, trigger, checkpoint, nodes), problems);
    }

    private static Read failed(Position where, String format, Object... args) {
        return new Read(null, List.of(Problem.of(ErrorCode.INVALID_FILE, where, format, args)));
    }

    // The format is read first and must be there: a later version's file must not be half-read as this one.
    private static void format(Object format, List<Problem> problems) {
        if (format == null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "the file has no 'format'; a pipeline file starts with \"format\": \"%s\"", PipelineSpec.FORMAT));
        } else if (!(format instanceof String text)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "'format' must be \"%s\", not %s",
                    PipelineSpec.FORMAT, JsonFields.kindOf(format)));
        } else if (!PipelineSpec.FORMAT.equals(text)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "unknown format '%s'; this version reads '%s'", text, PipelineSpec.FORMAT));
        }
    }

    private static String name(Object name, List<Problem> problems) {
        if (name == null) {
            return "Untitled";
        } else if (name instanceof String text) {
            return text;
        }
        problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "'name' must be a string, not %s",
                JsonFields.kindOf(name)));
        return "Untitled";
    }

    private static String checkpointLocation(Object location, List<Problem> problems) {
        if (location == null) {
            return null;
        } else if (location instanceof String text && !text.isBlank()) {
            return text;
        }
        problems.add(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                "'checkpointLocation' must be a folder (a string) or null for none, not %s",
                location instanceof String ? "an empty string" : JsonFields.kindOf(location)));
        return null;
    }

    private static Trigger trigger(Object value, List<Problem> problems) {
        Position where = Position.option(null, "trigger");
        if (value == null) {
            return Trigger.DEFAULT;
        }
        Map<String, Object> node = JsonValues.object(value);
        if (node == null) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, where, "'trigger' must be an object such as %s, not %s",
                    TRIGGER_FORMS, JsonFields.kindOf(value)));
            return Trigger.DEFAULT;
        }
        JsonFields.unknownKeys(node, TRIGGER_KEYS, "a trigger", where, problems);
        List<String> given = TRIGGER_KEYS.stream().filter(node::containsKey).toList();
        if (given.isEmpty()) {
            // {} is Spark's default trigger, as earlier versions of the workbench wrote it.
            return Trigger.DEFAULT;
        } else if (given.size() > 1) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, where, "a trigger is one of %s; this one has %s",
                    TRIGGER_FORMS, String.join(" and ", given)));
            return Trigger.DEFAULT;
        }
        String key = given.get(0);
        Object setting = node.get(key);
        if (key.equals("processingTime")) {
            return processingTime(setting, where, problems);
        } else if (!Boolean.TRUE.equals(setting)) {
            problems.add(Problem.of(ErrorCode.INVALID_FILE, where, "'%s' must be true, not %s; leave the trigger out "
                    + "for Spark's default", key, setting instanceof Boolean ? "false" : JsonFields.kindOf(setting)));
            return Trigger.DEFAULT;
        }
        return key.equals("once") ? new Trigger.Once() : new Trigger.AvailableNow();
    }

    private static Trigger processingTime(Object setting, Position where, List<Problem> problems) {
        if (!(setting instanceof String text)) {
            // A bare number would be ambiguous: Spark's ProcessingTime(long) counts milliseconds, a bare duration
            // text seconds.
            problems.add(Problem.of(ErrorCode.INVALID_FILE, where,
                    "processingTime must be a string such as \"1 second\", not %s", JsonFields.kindOf(setting)));
            return Trigger.DEFAULT;
        }
        return TriggerText.processingTime(text).orElseGet(() -> {
            problems.add(DurationText.isTooLong(text)
                    ? Problem.of(ErrorCode.INVALID_FILE, where, "processingTime '%s' is too long; %s", text,
                            DurationText.requirement(text))
                    : Problem.of(ErrorCode.INVALID_FILE, where,
                            "invalid processingTime '%s'; write it like '1 second' or '500 milliseconds'", text));
            return Trigger.DEFAULT;
        });
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
        // Spark's default trigger is no trigger at all: left out, as the format says, not written as {}.
        if (!trigger.isEmpty()) {
            root.put("trigger", trigger);
        }
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
