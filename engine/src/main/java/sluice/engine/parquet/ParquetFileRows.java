package sluice.engine.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import sluice.engine.expr.ColumnPredicate;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * One Parquet file's rows read into a schema, as Spark's reader reads them: columns found by name (exactly, else
 * ignoring case, as Spark's default {@code spark.sql.caseSensitive=false}), a column the file lacks null, and only
 * the columns asked for decoded (the others are not even read from disk). Stateless; each call reads on the calling
 * thread.
 */
public final class ParquetFileRows {
    private ParquetFileRows() {
    }

    /**
     * Where rows go, column by column in stored form (a LONG-stored type as its long, FLOAT and DOUBLE as a double,
     * the rest as the objects of {@link sluice.engine.types.ColumnVector#get}), each row ended by {@link #endRow}.
     * The file source's row collector is one. Mutable, owned by the reading thread.
     */
    public interface Target {
        void setLong(int column, long value);

        void setDouble(int column, double value);

        void setBoolean(int column, boolean value);

        void setObject(int column, Object value);

        void endRow();

        /**
         * The next {@code rows} rows as whole columns, by the schema's column index: a vector for each column read
         * from the file, null for the others (not asked for, or not in the file), which come out all null. A file whose
         * columns read are all flat (neither nested nor repeated) comes this way, in runs of at most
         * {@link #BATCH_ROWS} rows, and never through the row methods.
         */
        void columns(int rows, ColumnVector[] columns);
    }

    /** Rows per run of columns handed to {@link Target#columns}; Spark's vectorized Parquet reader's batch size. */
    public static final int BATCH_ROWS = 4096;

    /** What a file's footer says: its Parquet schema, Spark's schema of it, and its row count. */
    public record Footer(MessageType parquet, Schema schema, long rows) {
    }

    public static Footer footer(Path file) throws IOException {
        HadoopLogging.quiet();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                readOptions().build())) {
            MessageType parquet = reader.getFileMetaData().getSchema();
            String rowMetadata = reader.getFileMetaData().getKeyValueMetaData().get(ParquetSchemas.ROW_METADATA_KEY);
            return new Footer(parquet, ParquetSchemas.toSpark(parquet, rowMetadata), reader.getRecordCount());
        } catch (RuntimeException e) {
            throw corrupt(e);
        }
    }

    /**
     * Reads every row of {@code file} into {@code target}: the columns of {@code schema} whose index is set in
     * {@code required}, the others left unset. An IOException when the file cannot be read or is not Parquet; an
     * IllegalArgumentException (with Spark's error class) when a column's type in the file is not the schema's.
     */
    public static void read(Path file, Schema schema, BitSet required, Target target) throws IOException {
        read(file, schema, required, List.of(), target);
    }

    /**
     * {@link #read(Path, Schema, BitSet, Target)}, skipping the row groups whose statistics (or dictionaries) show
     * that no row passes all of {@code predicates}; the rows of the others are all read. Returns how many row groups
     * were skipped.
     */
    public static long read(Path file, Schema schema, BitSet required, List<ColumnPredicate> predicates,
                            Target target) throws IOException {
        return read(file, 0, Long.MAX_VALUE, schema, required, predicates, target);
    }

    /**
     * {@link #read(Path, Schema, BitSet, List, Target)} of the row groups whose middle byte lies in {@code [start,
     * end)}, as Spark reads one split of a Parquet file: the splits of a file share its row groups out, each exactly
     * once.
     */
    public static long read(Path file, long start, long end, Schema schema, BitSet required,
                            List<ColumnPredicate> predicates, Target target) throws IOException {
        HadoopLogging.quiet();
        ParquetReadOptions.Builder options = readOptions().withRange(start, end);
        if (!predicates.isEmpty()) {
            // The filter names the file's own columns and types, so the footer is read first.
            MessageType fileSchema;
            try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file), options.build())) {
                fileSchema = footer.getFileMetaData().getSchema();
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
            RowGroupFilter.of(predicates, schema, fileSchema).ifPresent(filter -> options.withRecordFilter(filter)
                    .useStatsFilter(true).useDictionaryFilter(true).useColumnIndexFilter(false));
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options.build())) {
            long skipped = reader.getFooter().getBlocks().size() - reader.getRowGroups().size();
            readRows(reader, schema, required, target);
            return skipped;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("[PARQUET_COLUMN_DATA_TYPE_MISMATCH]")) {
                throw e;
            }
            throw corrupt(e);
        } catch (RuntimeException e) {
            throw corrupt(e);
        }
    }

    private static void readRows(ParquetFileReader reader, Schema schema, BitSet required, Target target)
            throws IOException {
        MessageType fileSchema = reader.getFileMetaData().getSchema();
        List<String> fileNames = fileSchema.getFields().stream().map(Type::getName).toList();
        List<Type> projected = new ArrayList<>();
        List<Integer> targetColumns = new ArrayList<>();
        for (int c = required.nextSetBit(0); c >= 0 && c < schema.size(); c = required.nextSetBit(c + 1)) {
            int index = fieldIndex(fileNames, schema.field(c).name());
            if (index >= 0) {
                projected.add(fileSchema.getType(index));
                targetColumns.add(c);
            }
        }
        if (projected.isEmpty()) {
            // No column to decode: only the number of rows counts.
            for (long r = reader.getRecordCount(); r > 0; r--) {
                target.endRow();
            }
            return;
        }
        MessageType requested = new MessageType(fileSchema.getName(), projected);
        reader.setRequestedSchema(requested);
        boolean flat = projected.stream().allMatch(
                type -> type.isPrimitive() && !type.isRepetition(Type.Repetition.REPEATED));
        if (flat) {
            readColumns(reader, schema, targetColumns, requested, target);
            return;
        }
        List<Converter> converters = new ArrayList<>();
        for (int p = 0; p < projected.size(); p++) {
            Field field = schema.field(targetColumns.get(p));
            converters.add(ParquetConverters.of(field.name(), projected.get(p), field.type(),
                    new ParquetConverters.ColumnSlot(target, targetColumns.get(p))));
        }
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(requested, fileSchema);
        Materializer materializer = new Materializer(converters, target);
        PageReadStore rowGroup;
        while ((rowGroup = reader.readNextRowGroup()) != null) {
            RecordReader<Void> records = io.getRecordReader(rowGroup, materializer);
            for (long r = rowGroup.getRowCount(); r > 0; r--) {
                records.read();
            }
        }
    }

    /**
     * The row groups of columns that are neither nested nor repeated, read column by column into vectors
     * ({@link FlatColumnFeed} decodes a page at a time into a {@link ColumnFill}): a value is there when its
     * definition level is the column's highest, else the row is null. The values are those Parquet's record assembly
     * gives the same converters, without its state machine per field of every row nor a copy row by row.
     */
    private static void readColumns(ParquetFileReader reader, Schema schema, List<Integer> targetColumns,
            MessageType requested, Target target) throws IOException {
        List<ColumnDescriptor> descriptors = requested.getColumns();
        ColumnFill[] fills = new ColumnFill[descriptors.size()];
        List<Converter> converters = new ArrayList<>();
        for (int p = 0; p < fills.length; p++) {
            Field field = schema.field(targetColumns.get(p));
            fills[p] = new ColumnFill(field.type(), BATCH_ROWS);
            converters.add(ParquetConverters.of(field.name(), requested.getType(p), field.type(), fills[p]));
        }
        GroupConverter root = new Materializer(converters, null).getRootConverter();
        String createdBy = reader.getFileMetaData().getCreatedBy();
        PageReadStore rowGroup;
        while ((rowGroup = reader.readNextRowGroup()) != null) {
            FlatColumnFeed[] feeds = new FlatColumnFeed[fills.length];
            if (rowGroup.getRowIndexes().isPresent()) {
                // Pages filtered by their index: Parquet's readers of one store keep the columns' rows in step.
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(rowGroup, root, requested, createdBy);
                for (int p = 0; p < feeds.length; p++) {
                    feeds[p] = FlatColumnFeed.byParquet(descriptors.get(p), store.getColumnReader(descriptors.get(p)),
                            root.getConverter(p).asPrimitiveConverter(), fills[p]);
                }
            } else {
                for (int p = 0; p < feeds.length; p++) {
                    feeds[p] = FlatColumnFeed.of(descriptors.get(p), rowGroup, root, requested, createdBy,
                            root.getConverter(p).asPrimitiveConverter(), fills[p]);
                }
            }
            for (long left = rowGroup.getRowCount(); left > 0; ) {
                int rows = (int) Math.min(BATCH_ROWS, left);
                ColumnVector[] columns = new ColumnVector[schema.size()];
                for (int p = 0; p < feeds.length; p++) {
                    feeds[p].fill(rows);
                    columns[targetColumns.get(p)] = fills[p].take();
                }
                target.columns(rows, columns);
                left -= rows;
            }
        }
    }

    /**
     * Parquet's defaults, over a plain configuration (no Hadoop Configuration, whose first use loads and parses
     * Hadoop's default XML resources, which set nothing Parquet reads), with {@link ReadCodecs}.
     */
    private static ParquetReadOptions.Builder readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ReadCodecs());
    }

    /** A file that parquet-mr fails on with an unchecked exception is not a Parquet file, or a broken one. */
    private static IOException corrupt(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException("not a readable Parquet file (" + message.lines().findFirst().orElse("") + ")", e);
    }

    /** The index of {@code name} in {@code names}: the exact name first, else the first ignoring case; -1 if none. */
    static int fieldIndex(List<String> names, String name) {
        int exact = names.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The root of the converter tree: a record's end is a row's end. Without a target (the flat columns' root, whose
     * converters fill vectors) no record is assembled.
     */
    private static final class Materializer extends RecordMaterializer<Void> {
        private final GroupConverter root;

        Materializer(List<Converter> columns, Target target) {
            root = new GroupConverter() {
                @Override
                public Converter getConverter(int index) {
                    return columns.get(index);
                }

                @Override
                public void start() {
                }

                @Override
                public void end() {
                    if (target != null) {
                        target.endRow();
                    }
                }
            };
        }

        @Override
        public Void getCurrentRecord() {
            return null;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}
