package sluice.engine.source.file.partition;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Finds the partition columns of a set of data files, as Spark's {@code PartitioningUtils.parsePartitions}: each
 * folder holding data files is read upwards to its base path, every {@code key=value} name giving a column, stopping
 * at the first name without {@code =} above one with it. All folders must name the same columns and reach the same
 * base; each column's type is the one the user's schema gives it, or else inferred from every folder's value and
 * widened (see {@link PartitionValueText}). Stateless.
 */
public final class PartitionDiscovery {
    private PartitionDiscovery() {
    }

    /** A folder's {@code key=value} columns, top down, names unescaped and values as written, and where they stop. */
    record Folder(List<Map.Entry<String, String>> columns, Path base) {
    }

    /**
     * The partition columns of {@code files} below {@code basePaths}; {@code userSchema} (null for none) gives the
     * type and spelling of the columns it names. IllegalArgumentException with Spark's reason when the folders
     * disagree (different column names, different bases) or a name or value is empty.
     */
    public static PartitionColumns discover(Collection<Path> files, List<Path> basePaths, Schema userSchema,
                                            boolean typeInference, ZoneId zone) {
        Set<Path> folders = new TreeSet<>();
        for (Path file : files) {
            folders.add(file.toAbsolutePath().getParent());
        }
        List<Path> bases = basePaths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Map<Path, Folder> partitioned = new LinkedHashMap<>();
        Set<String> discoveredBases = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (folder == null || isTemporary(folder, bases)) {
                continue;
            }
            Folder parsed = parseFolder(folder, bases);
            discoveredBases.add(parsed.base().toString().toLowerCase(Locale.ROOT));
            if (!parsed.columns().isEmpty()) {
                partitioned.put(folder, parsed);
            }
        }
        if (partitioned.isEmpty()) {
            return PartitionColumns.NONE;
        }
        if (discoveredBases.size() > 1) {
            throw new IllegalArgumentException("conflicting directory structures detected; suspicious paths: "
                    + String.join(", ", discoveredBases) + "; if the path is a partition folder, set basePath to the "
                    + "folder of the table");
        }
        Set<List<String>> nameLists = new LinkedHashSet<>();
        for (Folder folder : partitioned.values()) {
            nameLists.add(folder.columns().stream().map(c -> c.getKey().toLowerCase(Locale.ROOT)).toList());
        }
        if (nameLists.size() > 1) {
            throw new IllegalArgumentException("conflicting partition column names detected: " + nameLists
                    + "; data files must live in the deepest folders, and folders at one level must name the same "
                    + "partition column");
        }
        List<Map.Entry<String, String>> first = partitioned.values().iterator().next().columns();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).getKey();
            int declared = userSchema == null ? -1 : userSchema.indexOf(name);
            DataType type;
            if (declared >= 0) {
                name = userSchema.field(declared).name();
                type = userSchema.field(declared).type();
            } else {
                type = null;
                for (Folder folder : partitioned.values()) {
                    DataType one = PartitionValueText.infer(folder.columns().get(i).getValue(), typeInference, zone);
                    type = type == null ? one : PartitionValueText.wider(type, one);
                }
            }
            fields.add(new Field(name, type, true));
        }
        return new PartitionColumns(new Schema(fields), bases, zone);
    }

    /** Spark skips folders that speculative tasks left behind ({@code _temporary}) when it infers partitions. */
    private static boolean isTemporary(Path folder, List<Path> bases) {
        for (Path current = folder; current != null && !bases.contains(current); current = current.getParent()) {
            Path name = current.getFileName();
            if (name != null && name.toString().equalsIgnoreCase("_temporary")) {
                return true;
            }
        }
        return false;
    }

    /** The columns of one folder, read upwards until a base path, the root, or a plain name above a column. */
    static Folder parseFolder(Path folder, List<Path> bases) {
        List<Map.Entry<String, String>> columns = new ArrayList<>();
        Path current = folder;
        while (current.getParent() != null && !bases.contains(current)) {
            Map.Entry<String, String> column = column(current.getFileName().toString());
            if (column == null && !columns.isEmpty()) {
                break;
            }
            if (column != null) {
                columns.add(0, column);
            }
            current = current.getParent();
        }
        return new Folder(List.copyOf(columns), columns.isEmpty() ? folder : current);
    }

    private static Map.Entry<String, String> column(String folderName) {
        int equals = folderName.indexOf('=');
        if (equals < 0) {
            return null;
        }
        String name = PathEscaping.unescape(folderName.substring(0, equals));
        String value = folderName.substring(equals + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty partition column name in '" + folderName + "'");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty partition column value in '" + folderName + "'");
        }
        return Map.entry(name, value);
    }
}
