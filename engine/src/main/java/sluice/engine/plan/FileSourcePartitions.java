package sluice.engine.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.file.FileFormat;
import sluice.engine.source.file.FileListing;
import sluice.engine.source.file.ListedFile;
import sluice.engine.source.file.PlannedListing;
import sluice.engine.source.file.partition.PartitionColumns;
import sluice.engine.source.file.partition.PartitionDiscovery;
import sluice.engine.source.file.partition.PartitionValueText;
import sluice.engine.source.file.partition.PartitionedFormat;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * The partition folders of a {@code source.file}, for every format: the {@code key=value} folders under the base
 * path of the files present when the pipeline is planned become partition columns after the data columns, as Spark
 * finds them when a stream is defined or a table read. A column the user's schema names takes its type there and
 * leaves the data columns; the others' types are inferred (Spark's
 * {@code spark.sql.sources.partitionColumnTypeInference.enabled}, on by default, which Sluice does not switch).
 * With {@code recursiveFileLookup} no folder is a partition, as in Spark. Stateless.
 */
final class FileSourcePartitions {
    private FileSourcePartitions() {
    }

    /**
     * The format reading {@code path}: {@code make} applied to the data columns of {@code schema}, with the partition
     * columns found appended. {@code declared} says whether {@code schema} is the user's (whose partition columns
     * it names) or inferred from the files. Empty, with a problem on {@code context}, when the folders are not a
     * partitioning Spark accepts. The files listed to find the folders are kept in {@code listed} (null: nowhere)
     * for the source's first trigger; a folder known to hold no folder is not listed at all.
     */
    static Optional<FileFormat> format(NodeContext context, Optional<Path> path, Schema schema, boolean declared,
                                       PlannedListing listed, Function<Schema, FileFormat> make) {
        Optional<PartitionColumns> partitions = path.isEmpty() ? Optional.of(PartitionColumns.NONE)
                : discover(context, path.get(), declared ? schema : null, listed);
        if (partitions.isEmpty()) {
            return Optional.empty();
        }
        List<Field> data = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (partitions.get().schema().indexOf(field.name()) < 0) {
                data.add(field);
            }
        }
        return Optional.of(PartitionedFormat.of(make.apply(new Schema(data)), partitions.get()));
    }

    private static Optional<PartitionColumns> discover(NodeContext context, Path path, Schema userSchema,
                                                       PlannedListing listed) {
        boolean stream = !context.bool("static");
        Optional<Path> basePath = context.string("basePath").isPresent() ? context.path("basePath") : Optional.empty();
        if (context.bool("recursiveFileLookup")) {
            return Optional.of(PartitionColumns.NONE);
        }
        if (!FileListing.isGlob(path) && !Files.exists(path)) {
            return Optional.of(PartitionColumns.NONE);
        }
        try {
            if (basePath.isEmpty() && !FileListing.isGlob(path) && FileListing.holdsNoFolder(path)) {
                // No folder, no partition: the first trigger lists the files, without stating those it has seen.
                return Optional.of(PartitionColumns.NONE);
            }
            // As Spark, every data file's folder counts, whether or not pathGlobFilter takes the file.
            FileListing listing = new FileListing(context.nodeId(), path, null);
            List<Path> bases;
            if (basePath.isPresent()) {
                bases = checkedBase(context, path, basePath.get(), listing, stream);
                if (bases.isEmpty()) {
                    return Optional.empty();
                }
            } else {
                // Spark's stream source reads each batch's files with its own path as the base, unless it is a glob.
                bases = stream && !FileListing.isGlob(path) ? List.of(path) : listing.roots();
            }
            List<ListedFile> all = listing.list();
            if (listed != null && !context.bool("static")) {
                listed.keep(all);
            }
            // Only the files' folders count: one file of each folder is enough. A folder's files are listed one
            // after the other, so most files are in the folder of the file before.
            Set<String> folders = new HashSet<>();
            List<Path> files = new ArrayList<>();
            String folder = null;
            for (ListedFile file : all) {
                String uri = file.path();
                int end = uri.lastIndexOf('/') + 1;
                if (folder != null && end == folder.length() && uri.startsWith(folder)) {
                    continue;
                }
                folder = uri.substring(0, end);
                if (folders.add(folder)) {
                    files.add(Path.of(java.net.URI.create(uri)));
                }
            }
            PartitionColumns found = PartitionDiscovery.discover(files, bases, userSchema, true,
                    context.environment().zone());
            for (Field field : found.schema().fields()) {
                if (!PartitionValueText.supports(field.type())) {
                    context.problem("schema", ErrorCode.TYPE_MISMATCH, "partition column '%s' cannot be %s: folder "
                            + "names hold atomic values only", field.name(), field.type().sql());
                    return Optional.empty();
                }
            }
            return Optional.of(found);
        } catch (SluiceException e) {
            context.problem(e);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            context.problem("path", ErrorCode.BAD_OPTION_VALUE, "%s", e.getMessage());
            return Optional.empty();
        }
    }

    /** basePath as Spark checks it: a folder that every path the source reads is under. */
    private static List<Path> checkedBase(NodeContext context, Path path, Path base, FileListing listing,
                                          boolean stream) {
        if (!Files.isDirectory(base)) {
            context.problem("basePath", ErrorCode.BAD_OPTION_VALUE, "option 'basePath' must be a directory: '%s'",
                    context.string("basePath").orElseThrow());
            return List.of();
        }
        Path absoluteBase = base.toAbsolutePath().normalize();
        if (stream && !FileListing.isGlob(path) && !path.toAbsolutePath().normalize().equals(absoluteBase)) {
            // Spark's stream source sets basePath to a folder path itself for every batch it reads, so another
            // base would name partition columns that no batch fills.
            context.problem("basePath", ErrorCode.BAD_OPTION_VALUE, "a stream whose path is a folder reads "
                    + "partition folders below that folder only; give a glob path (such as '%s') to read partitions "
                    + "below basePath", path.resolve("*"));
            return List.of();
        }
        for (Path root : listing.roots()) {
            if (!root.toAbsolutePath().normalize().startsWith(absoluteBase)) {
                context.problem("basePath", ErrorCode.BAD_OPTION_VALUE, "wrong basePath '%s' for the root path: "
                        + "'%s'", context.string("basePath").orElseThrow(), root);
                return List.of();
            }
        }
        return List.of(absoluteBase);
    }
}
