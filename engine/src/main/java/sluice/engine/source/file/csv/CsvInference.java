package sluice.engine.source.file.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sluice.engine.csv.CsvFieldTypes;
import sluice.engine.csv.TemporalParser;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.source.file.FileProblems;
import sluice.engine.source.file.FileSplit;
import sluice.engine.source.file.TextLayout;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Spark's CSV schema inference. The first record of the first file gives the column count and, with a header, the
 * names (otherwise {@code _c0}, {@code _c1} …; empty and duplicate header names are made unique as Spark does). With
 * {@code inferSchema} every value moves its column up Spark 4's ladder INT, BIGINT, DECIMAL(p,0), DOUBLE, DATE,
 * TIMESTAMP, BOOLEAN, STRING; without it every column is STRING. Called on the planning thread.
 *
 * <p>Which lines are headers follows Spark's two readers. Line by line (no {@code multiLine}), Spark reads all files
 * as one text and leaves out every line equal to the first one, wherever it is, so another file's first line that
 * differs is data, and a header repeated inside a file (files joined with {@code cat}) is not; the first line comes
 * from the largest file, the one Spark reads first (in another encoding than UTF-8 Spark reads the files in the order
 * Hadoop lists them, and they are taken by path here). With {@code multiLine} each file's first record is its
 * header.
 */
public final class CsvInference {
    private final CsvOptions options;
    private final CsvFieldTypes fieldTypes;

    private CsvInference(CsvOptions options, ZoneId zone) {
        this.options = options;
        // Inference reads dates strictly by the pattern (yyyy-MM-dd by default), so "2015-01-02 10:00" is no DATE.
        TemporalParser strictDate = TemporalParser.of(options.dateFormat() == null ? "yyyy-MM-dd"
                : options.dateFormat(), null, zone);
        TemporalParser temporal = TemporalParser.of(options.dateFormat(), options.timestampFormat(), zone);
        this.fieldTypes = new CsvFieldTypes(options.nullValue(), options.nanValue(), options.positiveInf(),
                options.negativeInf(), text -> strictDate.parseDate(text) != TemporalParser.INVALID,
                text -> temporal.parseTimestamp(text) != TemporalParser.INVALID);
    }

    public static Schema infer(String nodeId, List<Path> files, CsvOptions options, boolean inferTypes, ZoneId zone) {
        return infer(nodeId, files, options, TextLayout.DEFAULT, inferTypes, zone);
    }

    /** The schema of {@code files} whose records the {@code layout} (encoding, lineSep) cuts. */
    public static Schema infer(String nodeId, List<Path> files, CsvOptions options, TextLayout layout,
                               boolean inferTypes, ZoneId zone) {
        return new CsvInference(options, zone).run(nodeId, files, layout, inferTypes);
    }

    private Schema run(String nodeId, List<Path> files, TextLayout layout, boolean inferTypes) {
        boolean byLine = !options.quoting().multiLine();
        List<FileSplit> splits = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                splits.add(FileSplit.whole(file, Files.size(file)));
            } catch (IOException e) {
                throw FileProblems.unreadable(nodeId, file, e);
            }
        }
        if (byLine && layout.isUtf8()) {
            // Largest first, ties in the given order: the order of Spark's splits, whose first line is the header
            // Spark's line-by-line inference keeps.
            splits.sort(Comparator.comparingLong(FileSplit::length).reversed());
        }
        List<String> names = null;
        DataType[] types = null;
        String headerLine = null;
        for (FileSplit split : splits) {
            FileTypes known = new FileTypes(names, types, headerLine, inferTypes, byLine);
            try {
                if (layout.hasLineSep() || !layout.isUtf8()) {
                    SeparatedCsvRecords.read(split, options, layout, known);
                } else {
                    CsvRecords.read(split, options, true, known);
                }
            } catch (IOException e) {
                throw FileProblems.unreadable(nodeId, split.file(), e);
            }
            names = known.names;
            types = known.types;
            headerLine = known.headerLine;
        }
        if (names == null) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.option(nodeId, "schema"),
                    "cannot infer a CSV schema: the folder has no data yet; set 'schema'").toException();
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            DataType type = !inferTypes || types[i] == AtomicType.NULL ? AtomicType.STRING : types[i];
            fields.add(Field.of(names.get(i), type));
        }
        return new Schema(fields);
    }

    /** The names and types known after one more file. */
    private final class FileTypes implements CsvRecords.Handler {
        private List<String> names;
        private DataType[] types;
        /** The header's line as read, once known; null without a header. */
        private String headerLine;
        private final boolean inferTypes;
        private final boolean byLine;

        FileTypes(List<String> names, DataType[] types, String headerLine, boolean inferTypes, boolean byLine) {
            this.names = names;
            this.types = types;
            this.headerLine = headerLine;
            this.inferTypes = inferTypes;
            this.byLine = byLine;
        }

        @Override
        public void header(CsvFieldBuffer record) {
            if (names == null) {
                headerLine = record.rawText(options.separator(), options.quote());
                knowColumns(record);
            } else if (byLine) {
                record(record);
            }
        }

        /** The first record seen gives the columns: their names with a header, else only their number. */
        private void knowColumns(CsvFieldBuffer record) {
            if (names == null) {
                names = names(texts(record));
                types = new DataType[names.size()];
                java.util.Arrays.fill(types, AtomicType.NULL);
            }
        }

        @Override
        public void record(CsvFieldBuffer record) {
            // Spark's inference fails on a line univocity read nothing from (a null row); it is left out here.
            if (record.failure() != null || record.isUnread()) {
                return;
            }
            if (byLine && headerLine != null && headerLine.equals(record.rawText(options.separator(),
                    options.quote()))) {
                return;
            }
            knowColumns(record);
            if (inferTypes) {
                for (int i = 0; i < Math.min(types.length, record.fieldCount()); i++) {
                    types[i] = merge(types[i], inferField(types[i], record.text(i)));
                }
            }
        }
    }

    private static List<String> texts(CsvFieldBuffer record) {
        List<String> fields = new ArrayList<>(record.fieldCount());
        for (int i = 0; i < record.fieldCount(); i++) {
            fields.add(record.text(i));
        }
        return fields;
    }

    private List<String> names(List<String> firstRecord) {
        List<String> names = new ArrayList<>();
        if (!options.header()) {
            for (int i = 0; i < firstRecord.size(); i++) {
                names.add("_c" + i);
            }
            return names;
        }
        // Spark compares header names ignoring case (spark.sql.caseSensitive is false) and appends the index to
        // every name that occurs twice.
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (String name : firstRecord) {
            if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                duplicates.add(name.toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < firstRecord.size(); i++) {
            String name = firstRecord.get(i);
            if (name == null || name.isEmpty() || name.equals(options.nullValue())) {
                names.add("_c" + i);
            } else if (duplicates.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name + i);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    DataType inferField(DataType soFar, String field) {
        return fieldTypes.inferField(soFar, field);
    }

    static DataType merge(DataType a, DataType b) {
        return CsvFieldTypes.merge(a, b);
    }
}
