package sluice.engine.source.file.partition;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * The partition columns of a file source (what {@link PartitionDiscovery} found) and how a file's folders give their
 * values: the {@code key=value} folder names between the file and the nearest of {@code basePaths}, each read as its
 * column's type. Immutable apart from a cache of each folder's values, which partition tasks share.
 */
public final class PartitionColumns {
    /** No partition columns: the source's files are not in {@code key=value} folders. */
    public static final PartitionColumns NONE = new PartitionColumns(Schema.EMPTY, List.of(), ZoneId.of("UTC"));

    private final Schema schema;
    private final List<Path> basePaths;
    private final ZoneId zone;
    private final Map<Path, Object[]> valuesByFolder = new ConcurrentHashMap<>();

    public PartitionColumns(Schema schema, List<Path> basePaths, ZoneId zone) {
        this.schema = requireNonNull(schema, "schema is null");
        this.basePaths = List.copyOf(basePaths);
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** The partition columns, in folder order from the base path down. */
    public Schema schema() {
        return schema;
    }

    public boolean isEmpty() {
        return schema.size() == 0;
    }

    /**
     * The stored value of each partition column for a row of {@code file} (see {@link PartitionValueText#value}); a
     * column its folders do not name is null. Throws SOURCE_FAILED naming {@code nodeId} when a folder's value is
     * not of its column's type, as Spark fails its task.
     */
    public Object[] values(Path file, String nodeId) {
        Path folder = file.toAbsolutePath().getParent();
        return valuesByFolder.computeIfAbsent(folder, f -> parse(f, nodeId));
    }

    /**
     * Whether {@code file} sits in a partition folder (one that names a partition column) rather than directly in a
     * base folder; Spark's file index lists only the files of partition folders, leaving such a file out.
     */
    public boolean isInPartitionFolder(Path file) {
        return !PartitionDiscovery.parseFolder(file.toAbsolutePath().getParent(), basePaths).columns().isEmpty();
    }

    private Object[] parse(Path folder, String nodeId) {
        Object[] values = new Object[schema.size()];
        PartitionDiscovery.Folder parsed = PartitionDiscovery.parseFolder(folder, basePaths);
        for (Map.Entry<String, String> column : parsed.columns()) {
            int index = schema.indexOf(column.getKey());
            if (index < 0) {
                continue;
            }
            Field field = schema.field(index);
            try {
                values[index] = PartitionValueText.value(column.getValue(), field.type(), zone);
            } catch (IllegalArgumentException e) {
                throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId), "failed to cast value '%s' to %s "
                        + "for partition column '%s' (folder '%s')", column.getValue(), field.type().sql(),
                        field.name(), folder).toException();
            }
        }
        return values;
    }
}
