package sluice.engine.source.file.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.DelimitedRecords;
import sluice.engine.source.file.LineBlocks;
import sluice.engine.source.file.TextLayout;
import sluice.engine.source.file.ParseMode;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Spark's JSON schema inference: whole numbers are BIGINT (DECIMAL when too big), other numbers DOUBLE, strings
 * STRING (no date or time guessing, Spark's default), objects STRUCTs with fields sorted by name, arrays ARRAYs of the
 * merged element type; columns seen only as null become STRING. In PERMISSIVE mode a malformed line adds the
 * corrupt-record column. Called on the planning thread; it parses line by line since speed matters less here than
 * knowing which line is broken.
 */
public final class JsonInference {
    private JsonInference() {
    }

    public static Schema infer(String nodeId, List<Path> files, JsonOptions options) {
        return infer(nodeId, files, options, TextLayout.DEFAULT);
    }

    /** The schema of {@code files} whose records the {@code layout} (encoding, lineSep) cuts. */
    public static Schema infer(String nodeId, List<Path> files, JsonOptions options, TextLayout layout) {
        JsonFactory factory = options.syntax().factory();
        DataType root = AtomicType.NULL;
        boolean malformed = false;
        for (Path file : files) {
            if (layout.hasLineSep()) {
                boolean[] bad = {false};
                root = separatedFile(nodeId, file, factory, options, layout, root, bad);
                malformed |= bad[0];
                continue;
            }
            try (LineBlocks blocks = LineBlocks.open(FileSplit.whole(file, Files.size(file)))) {
                while (blocks.next()) {
                    byte[] bytes = blocks.bytes();
                    long lineInBlock = 0;
                    for (int start = 0; start < blocks.length(); ) {
                        int end = LineBlocks.lineEnd(bytes, start, blocks.length());
                        int lineStart = start;
                        lineInBlock++;
                        start = LineBlocks.nextLineStart(bytes, end, blocks.length());
                        if (isBlank(bytes, lineStart, end)) {
                            continue;
                        }
                        DataType record = record(factory, bytes, lineStart, end);
                        if (record == null) {
                            if (options.mode() == ParseMode.FAILFAST) {
                                throw Problem.of(ErrorCode.MALFORMED_RECORD, Position.node(nodeId),
                                        "malformed JSON record in '%s' line %d while inferring the schema",
                                        file.getFileName(), blocks.fileLine(lineInBlock)).toException();
                            }
                            malformed |= options.mode() == ParseMode.PERMISSIVE;
                            continue;
                        }
                        root = merge(root, record);
                    }
                }
            } catch (IOException e) {
                throw FileProblems.unreadable(nodeId, file, e);
            } catch (UncheckedIOException e) {
                throw FileProblems.unreadable(nodeId, file, e.getCause());
            }
        }
        List<Field> fields = new ArrayList<>(root instanceof StructType struct ? struct.fields() : List.of());
        if (malformed && fields.stream().noneMatch(f -> f.name().equals(options.columnNameOfCorruptRecord()))) {
            fields.add(Field.of(options.columnNameOfCorruptRecord(), AtomicType.STRING));
            fields.sort(Comparator.comparing(Field::name));
        }
        if (fields.isEmpty()) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.option(nodeId, "schema"),
                    "cannot infer a JSON schema: the folder has no records yet; set 'schema'").toException();
        }
        return new Schema(fields.stream().map(f -> Field.of(f.name(), canonical(f.type()))).toList());
    }

    /**
     * {@code known} merged with the records of one file cut at {@code lineSep}; {@code malformed[0]} is set when a
     * record is malformed in PERMISSIVE mode (the caller then adds the corrupt-record column).
     */
    private static DataType separatedFile(String nodeId, Path file, JsonFactory factory, JsonOptions options,
                                          TextLayout layout, DataType known, boolean[] malformed) {
        DataType[] root = {known};
        long[] number = {0};
        try {
            DelimitedRecords.read(file, layout.separatorBytes(), (bytes, from, to) -> {
                number[0]++;
                byte[] text = layout.isUtf8() ? bytes : JsonFormat.utf8(bytes, from, to, layout);
                int start = layout.isUtf8() ? from : 0;
                int end = layout.isUtf8() ? to : text.length;
                if (isWhiteSpace(text, start, end)) {
                    return;
                }
                DataType record = record(factory, text, start, end);
                if (record == null) {
                    if (options.mode() == ParseMode.FAILFAST) {
                        throw Problem.of(ErrorCode.MALFORMED_RECORD, Position.node(nodeId),
                                "malformed JSON record in '%s' record %d while inferring the schema",
                                file.getFileName(), number[0]).toException();
                    }
                    malformed[0] |= options.mode() == ParseMode.PERMISSIVE;
                    return;
                }
                root[0] = merge(root[0], record);
            });
        } catch (IOException e) {
            throw FileProblems.unreadable(nodeId, file, e);
        }
        return root[0];
    }

    /** Whether a record separated by lineSep holds nothing but JSON's white space, line ends included. */
    private static boolean isWhiteSpace(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\n' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The type of one line (a struct, or the merge of a top-level array's objects); null when it is malformed. The
     * line's bytes are parsed as Spark parses them, so bytes that are not UTF-8 make it malformed.
     */
    private static DataType record(JsonFactory factory, byte[] bytes, int start, int end) {
        try (JsonParser parser = factory.createParser(bytes, start, end - start)) {
            JsonToken token = parser.nextToken();
            DataType type = infer(parser, token);
            if (type instanceof StructType) {
                return type;
            }
            if (type instanceof ArrayType array && array.elementType() instanceof StructType) {
                return array.elementType();
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory failed", e);
        }
    }

    /** Whether a line holds no JSON at all: nothing but JSON's white space (Spark reads no record from it). */
    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static DataType infer(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return AtomicType.NULL;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return AtomicType.BOOLEAN;
            case VALUE_STRING:
                return AtomicType.STRING;
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    BigDecimal value = parser.getDecimalValue();
                    return value.precision() <= DecimalType.MAX_PRECISION ? new DecimalType(value.precision(), 0)
                            : AtomicType.DOUBLE;
                }
                return AtomicType.BIGINT;
            case VALUE_NUMBER_FLOAT:
                return AtomicType.DOUBLE;
            case START_OBJECT: {
                TreeMap<String, DataType> fields = new TreeMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    DataType value = infer(parser, parser.nextToken());
                    fields.merge(name, value, JsonInference::merge);
                }
                return struct(fields);
            }
            case START_ARRAY: {
                DataType element = AtomicType.NULL;
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    element = merge(element, infer(parser, next));
                }
                return new ArrayType(element, true);
            }
            default:
                throw new IllegalStateException("unexpected token " + token);
        }
    }

    private static StructType struct(TreeMap<String, DataType> fields) {
        List<Field> list = new ArrayList<>();
        fields.forEach((name, type) -> list.add(Field.of(name, type)));
        return new StructType(list);
    }

    /** Spark's JSON type merge: numbers widen, structs merge field by field, anything else meets at STRING. */
    static DataType merge(DataType a, DataType b) {
        if (a.equals(b) || b == AtomicType.NULL) {
            return a;
        } else if (a == AtomicType.NULL) {
            return b;
        } else if (a instanceof StructType left && b instanceof StructType right) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            left.fields().forEach(f -> fields.put(f.name(), f.type()));
            right.fields().forEach(f -> fields.merge(f.name(), f.type(), JsonInference::merge));
            return struct(fields);
        } else if (a instanceof ArrayType left && b instanceof ArrayType right) {
            return new ArrayType(merge(left.elementType(), right.elementType()), true);
        } else if (a.isNumeric() && b.isNumeric()) {
            if (a == AtomicType.DOUBLE || b == AtomicType.DOUBLE) {
                return AtomicType.DOUBLE;
            }
            int digits = Math.max(a instanceof DecimalType d ? d.precision() : 20,
                    b instanceof DecimalType d ? d.precision() : 20);
            return digits <= DecimalType.MAX_PRECISION ? new DecimalType(digits, 0) : AtomicType.DOUBLE;
        }
        return AtomicType.STRING;
    }

    /** Types seen only as null (and empty arrays' elements) become STRING, as in Spark. */
    private static DataType canonical(DataType type) {
        if (type == AtomicType.NULL) {
            return AtomicType.STRING;
        } else if (type instanceof ArrayType array) {
            return new ArrayType(canonical(array.elementType()), true);
        } else if (type instanceof StructType struct) {
            return new StructType(struct.fields().stream().map(f -> Field.of(f.name(), canonical(f.type()))).toList());
        }
        return type;
    }
}
