package sluice.engine.source.file.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.parquet.ParquetFileRows;
import sluice.engine.source.file.FileProblems;
import sluice.engine.types.ArrayType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * The schema of Parquet files read without one, as Spark infers it: from the first file's footer, or with
 * {@code mergeSchema} the union of every file's columns (in the order first seen, a column's type the same in every
 * file that has it, structs merged field by field). Stateless.
 */
public final class ParquetInference {
    private ParquetInference() {
    }

    /** The schema of {@code files} (sorted by path); a problem naming the node when there is none to read. */
    public static Schema infer(String nodeId, List<Path> files, boolean merge) {
        if (files.isEmpty()) {
            throw Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.option(nodeId, "schema"),
                    "[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet: there are no files to read it "
                            + "from; it must be specified manually").toException();
        }
        Schema merged = null;
        for (Path file : merge ? files : files.subList(0, 1)) {
            Schema schema;
            try {
                schema = ParquetFileRows.footer(file).schema();
            } catch (IOException e) {
                throw FileProblems.unreadable(nodeId, file, e);
            }
            merged = merged == null ? nullable(schema) : merge(nodeId, merged, nullable(schema));
        }
        return merged;
    }

    /** Spark reads every file column as nullable. */
    private static Schema nullable(Schema schema) {
        List<Field> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            fields.add(new Field(field.name(), field.type(), true));
        }
        return new Schema(fields);
    }

    private static Schema merge(String nodeId, Schema left, Schema right) {
        return ((StructType) merge(nodeId, left.toStructType(), right.toStructType())).toSchema();
    }

    private static DataType merge(String nodeId, DataType left, DataType right) {
        if (left instanceof StructType a && right instanceof StructType b) {
            List<Field> fields = new ArrayList<>(a.fields());
            for (Field field : b.fields()) {
                int index = indexOf(fields, field.name());
                if (index < 0) {
                    fields.add(field);
                } else {
                    Field known = fields.get(index);
                    fields.set(index, new Field(known.name(), merge(nodeId, known.type(), field.type()),
                            known.nullable() || field.nullable()));
                }
            }
            return new StructType(fields);
        } else if (left instanceof ArrayType a && right instanceof ArrayType b) {
            return new ArrayType(merge(nodeId, a.elementType(), b.elementType()),
                    a.containsNull() || b.containsNull());
        } else if (left instanceof MapType a && right instanceof MapType b) {
            return new MapType(merge(nodeId, a.keyType(), b.keyType()), merge(nodeId, a.valueType(), b.valueType()),
                    a.valueContainsNull() || b.valueContainsNull());
        } else if (left.equals(right)) {
            return left;
        }
        throw Problem.of(ErrorCode.TYPE_MISMATCH, Position.option(nodeId, "mergeSchema"),
                "[CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE] Failed to merge incompatible data types \"%s\" and \"%s\"",
                left.sql(), right.sql()).toException();
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
