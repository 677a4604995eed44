package sluice.engine.source.file.orc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.orc.OrcFileReader;
import sluice.engine.source.file.FileProblems;
import sluice.engine.types.ArrayType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * The schema of a folder of ORC files when none is given, as Spark's {@code OrcUtils.inferSchema}: the schema of the
 * first file (in path order) that has columns, or with {@code mergeSchema} all files' schemas merged (columns in
 * order of first appearance, structs merged field by field; a column of two different types is refused, as Spark's
 * {@code StructType.merge} refuses it). Stateless.
 */
public final class OrcSchemaReader {
    private OrcSchemaReader() {
    }

    /** Throws SluiceException naming the node (and the file, for a file that cannot be read). */
    public static Schema read(String nodeId, List<Path> files, boolean merge) {
        Schema merged = null;
        for (Path file : files) {
            Schema schema;
            try {
                schema = OrcFileReader.schema(file);
            } catch (IOException e) {
                throw FileProblems.unreadable(nodeId, file, e);
            }
            if (schema.size() == 0) {
                continue;
            }
            if (!merge) {
                return schema;
            }
            merged = merged == null ? schema : merge(nodeId, merged, schema);
        }
        if (merged == null) {
            throw Problem.of(ErrorCode.MISSING_OPTION, Position.option(nodeId, "schema"), "[UNABLE_TO_INFER_SCHEMA] "
                    + "Unable to infer schema for ORC. It must be specified manually (no ORC file with columns "
                    + "under the path yet)").toException();
        }
        return merged;
    }

    private static Schema merge(String nodeId, Schema left, Schema right) {
        List<Field> fields = new ArrayList<>(left.fields());
        for (Field field : right.fields()) {
            int at = indexOf(fields, field.name());
            if (at < 0) {
                fields.add(field);
            } else {
                fields.set(at, new Field(fields.get(at).name(), merge(nodeId, fields.get(at).type(), field.type()),
                        true));
            }
        }
        return new Schema(fields);
    }

    private static DataType merge(String nodeId, DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        } else if (left instanceof StructType a && right instanceof StructType b) {
            return merge(nodeId, a.toSchema(), b.toSchema()).toStructType();
        } else if (left instanceof ArrayType a && right instanceof ArrayType b) {
            return new ArrayType(merge(nodeId, a.elementType(), b.elementType()), true);
        } else if (left instanceof MapType a && right instanceof MapType b) {
            return new MapType(merge(nodeId, a.keyType(), b.keyType()), merge(nodeId, a.valueType(), b.valueType()),
                    true);
        }
        throw Problem.of(ErrorCode.TYPE_MISMATCH, Position.option(nodeId, "mergeSchema"), "[CANNOT_MERGE_INCOMPATIBLE_"
                + "DATA_TYPE] Failed to merge incompatible data types \"%s\" and \"%s\"", left.sql(), right.sql())
                .toException();
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
