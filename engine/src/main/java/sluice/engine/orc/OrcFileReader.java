package sluice.engine.orc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.orc.TypeDescription;
import org.apache.orc.impl.OrcTail;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Reads one ORC file. The rows come as batches of a given schema: columns are found in the file by name, ignoring
 * case (as Spark does by default), a column the file lacks reads as nulls, and only the columns asked for are
 * decoded (ORC reads each column's streams apart, so the others are not even read from disk). A file that is not
 * ORC, or is damaged, is an {@link IOException} whose message says so in one line. Stateless; any thread.
 */
public final class OrcFileReader {
    private OrcFileReader() {
    }

    /** The Spark schema of the file's rows; an empty schema for the empty struct old writers left in empty files. */
    public static Schema schema(Path file) throws IOException {
        Reader local = openLocal(file);
        try (Reader reader = local != null ? local : open(file)) {
            return OrcTypes.toSchema(reader.getSchema());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Hands the rows of {@code file} to {@code out} as batches of {@code schema} of at most {@code batchRows} rows;
     * the columns not in {@code required} ({@code null}: all are) hold nulls.
     */
    public static void read(Path file, Schema schema, BitSet required, int batchRows, Consumer<Batch> out)
            throws IOException {
        read(file, 0, Long.MAX_VALUE, schema, required, batchRows, out);
    }

    /**
     * {@link #read(Path, Schema, BitSet, int, Consumer)} of the stripes that start in the {@code length} bytes from
     * {@code start}, as Spark reads one split of an ORC file: the splits of a file share its stripes out, each
     * exactly once.
     */
    public static void read(Path file, long start, long length, Schema schema, BitSet required, int batchRows,
                            Consumer<Batch> out) throws IOException {
        List<Integer> read = new ArrayList<>();
        TypeDescription wanted = TypeDescription.createStruct();
        for (int i = 0; i < schema.size(); i++) {
            if (required == null || required.get(i)) {
                read.add(i);
                wanted.addField(schema.field(i).name(), OrcTypes.toOrc(schema.field(i).type()));
            }
        }
        Reader local = openLocal(file);
        try (Reader reader = local != null ? local : open(file)) {
            checkTimestamps(OrcTypes.toSchema(reader.getSchema()), schema, read);
            Reader.Options options = reader.options().schema(wanted).isSchemaEvolutionCaseAware(false)
                    .range(start, length);
            if (local != null) {
                options.dataReader(new LocalOrcData(file, reader.getCompressionKind(), reader.getCompressionSize()));
            }
            try (RecordReader rows = reader.rows(options)) {
                VectorizedRowBatch orc = wanted.createRowBatch(batchRows);
                while (rows.nextBatch(orc)) {
                    if (orc.size > 0) {
                        out.accept(batch(schema, read, orc));
                    }
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // ORC's library reports some damage this way rather than as an IOException.
            throw new IOException(damaged(e), e);
        }
    }

    private static Batch batch(Schema schema, List<Integer> read, VectorizedRowBatch orc) {
        List<ColumnVector> columns = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            columns.add(null);
        }
        for (int k = 0; k < read.size(); k++) {
            int i = read.get(k);
            columns.set(i, OrcColumns.read(orc.cols[k], schema.field(i).type(), orc.size));
        }
        for (int i = 0; i < schema.size(); i++) {
            if (columns.get(i) == null) {
                columns.set(i, ColumnVector.nulls(schema.field(i).type(), orc.size));
            }
        }
        return new Batch(schema, columns, orc.size);
    }

    /**
     * Spark refuses to read an ORC timestamp as TIMESTAMP_NTZ or the other way round (the two differ by a time
     * zone); ORC's library would convert one to the other's numbers without a word.
     */
    private static void checkTimestamps(Schema fileSchema, Schema schema, List<Integer> read) throws IOException {
        for (int i : read) {
            Field wanted = schema.field(i);
            for (Field field : fileSchema.fields()) {
                if (field.name().equalsIgnoreCase(wanted.name()) && isOtherTimestamp(field.type(), wanted.type())) {
                    throw new IOException(String.format("[UNSUPPORTED_FEATURE.ORC_TYPE_CAST] Unable to convert "
                            + "\"%s\" of Orc to data type \"%s\" (column '%s')", field.type().sql(),
                            wanted.type().sql(), wanted.name()));
                }
            }
        }
    }

    private static boolean isOtherTimestamp(DataType file, DataType wanted) {
        return file == AtomicType.TIMESTAMP && wanted == AtomicType.TIMESTAMP_NTZ
                || file == AtomicType.TIMESTAMP_NTZ && wanted == AtomicType.TIMESTAMP;
    }

    /**
     * The file opened over its tail read by {@link LocalOrcData}, without Hadoop's file system; null when that does
     * not work (an empty file, a damaged one), for {@link #open}, whose message says what is wrong.
     */
    private static Reader openLocal(Path file) {
        try {
            OrcTail tail = LocalOrcData.tail(file);
            return tail == null ? null : OrcFile.createReader(OrcFiles.path(file),
                    OrcFile.readerOptions(OrcFiles.conf()).orcTail(tail).maxLength(tail.getFileLength()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Reader open(Path file) throws IOException {
        try {
            return OrcFile.createReader(OrcFiles.path(file),
                    OrcFile.readerOptions(OrcFiles.conf()).filesystem(OrcFiles.local()));
        } catch (org.apache.orc.FileFormatException e) {
            throw new IOException(damaged(e), e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw new IOException(damaged(e), e);
        }
    }

    private static String damaged(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "not an ORC file, or a damaged one (" + reason.replaceAll("\\s+", " ").trim() + ")";
    }
}
