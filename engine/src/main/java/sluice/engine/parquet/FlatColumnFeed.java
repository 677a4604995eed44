package sluice.engine.parquet;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferReleaser;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.bitpacking.ByteBitPackingLE;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One flat column of a row group, filled into a {@link ColumnFill} a run of rows at a time, each data page decoded in
 * one go: the definition levels and a dictionary-encoded page's ids are unpacked into arrays (by parquet-column's
 * hybrid decoder), a plain page's values read from its bytes, instead of Parquet's column reader decoding value by
 * value. Integers, floating-point values and strings go straight into the fill's arrays (a dictionary's entries
 * decoded once per column chunk, its strings shared by the rows that name them, a null a bit in the fill's mask);
 * other types go through the column's converter, with the same calls as from Parquet's reader, so values are
 * unchanged. Pages it does not decode (version 2 pages, encodings other than plain and dictionary, booleans, INT96 and
 * fixed-length bytes) go, from the first such page on, to Parquet's own column reader. Mutable; one reading thread.
 */
final class FlatColumnFeed {
    /** How values reach the fill: straight into its array of longs, of doubles or of objects, else by converter. */
    private enum Bulk { LONGS, DOUBLES, STRINGS, NONE }

    private final ColumnDescriptor column;
    private final PageReader pages;
    private final PrimitiveConverter converter;
    private final ColumnFill fill;
    private final PrimitiveTypeName physical;
    private final int maxDefinition;
    private final Fallback fallbackFactory;
    private final Bulk bulk;
    private Dictionary dictionary;
    private DictionaryPage dictionaryPage;
    private boolean dictionaryConverter;
    /** The column chunk's dictionary decoded once, in the form the fill takes (for a bulk column). */
    private long[] dictionaryLongs;
    private double[] dictionaryDoubles;
    private String[] dictionaryStrings;
    /** Parquet's own reader once a page is one this feed does not decode; null before. */
    private ColumnReader fallback;
    /** The values (definition levels) of the pages decoded here, so that Parquet's reader knows how many remain. */
    private long consumed;

    // The current page: its rows' definition levels (unused when every row has a value), its values as dictionary
    // ids or as plain bytes.
    private int pageRows;
    private int row;
    private int[] levels = new int[0];
    private boolean allDefined;
    private boolean dictionaryPageValues;
    private int[] ids = new int[0];
    private int nextId;
    private ByteBuffer plain;

    /** Makes Parquet's column reader over a page reader (for the pages this feed does not decode). */
    interface Fallback {
        ColumnReader reader(PageReader pages);
    }

    private FlatColumnFeed(ColumnDescriptor column, PageReader pages, PrimitiveConverter converter, ColumnFill fill,
            Fallback fallback) {
        this.column = column;
        this.pages = pages;
        this.converter = converter;
        this.fill = fill;
        this.physical = column.getPrimitiveType().getPrimitiveTypeName();
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.fallbackFactory = fallback;
        this.bulk = bulk(physical, converter);
    }

    /** Whether the converter's values can be written straight into the fill: it would store them unchanged. */
    private static Bulk bulk(PrimitiveTypeName physical, PrimitiveConverter converter) {
        if (converter instanceof ParquetConverters.IntegerLeaf
                && (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)) {
            return Bulk.LONGS;
        } else if (converter instanceof ParquetConverters.FloatingLeaf && (physical == PrimitiveTypeName.DOUBLE
                || physical == PrimitiveTypeName.FLOAT || physical == PrimitiveTypeName.INT32)) {
            return Bulk.DOUBLES;
        } else if (converter instanceof ParquetConverters.StringLeaf && physical == PrimitiveTypeName.BINARY) {
            return Bulk.STRINGS;
        }
        return Bulk.NONE;
    }

    /**
     * The feed of {@code column} in {@code rowGroup} into {@code fill}, whose converter is {@code converter} (the one
     * {@code root} gives for the column, writing into the fill); Parquet's column reader from the start for a column
     * this feed does not decode.
     */
    static FlatColumnFeed of(ColumnDescriptor column, PageReadStore rowGroup, GroupConverter root,
            MessageType requested, String createdBy, PrimitiveConverter converter, ColumnFill fill) {
        PageReader pages = rowGroup.getPageReader(column);
        FlatColumnFeed feed = new FlatColumnFeed(column, pages, converter, fill,
                parquetReader(column, rowGroup, root, requested, createdBy));
        if (!decodes(column)) {
            feed.fallback = feed.fallbackFactory.reader(pages);
            return feed;
        }
        feed.dictionaryPage = pages.readDictionaryPage();
        if (feed.dictionaryPage != null) {
            try {
                feed.dictionary = feed.dictionaryPage.getEncoding().initDictionary(column, feed.dictionaryPage);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            feed.decodeDictionary(converter);
        }
        return feed;
    }

    /** The feed of a column that Parquet's column reader {@code reader} reads (rows filtered by a page index). */
    static FlatColumnFeed byParquet(ColumnDescriptor column, ColumnReader reader, PrimitiveConverter converter,
            ColumnFill fill) {
        FlatColumnFeed feed = new FlatColumnFeed(column, null, converter, fill, null);
        feed.fallback = reader;
        return feed;
    }

    private void decodeDictionary(PrimitiveConverter converter) {
        int entries = dictionary.getMaxId() + 1;
        switch (bulk) {
            case LONGS -> {
                dictionaryLongs = new long[entries];
                for (int id = 0; id < entries; id++) {
                    dictionaryLongs[id] = physical == PrimitiveTypeName.INT32 ? dictionary.decodeToInt(id)
                            : dictionary.decodeToLong(id);
                }
            }
            case DOUBLES -> {
                dictionaryDoubles = new double[entries];
                for (int id = 0; id < entries; id++) {
                    dictionaryDoubles[id] = switch (physical) {
                        case FLOAT -> dictionary.decodeToFloat(id);
                        case INT32 -> dictionary.decodeToInt(id);
                        default -> dictionary.decodeToDouble(id);
                    };
                }
            }
            case STRINGS -> {
                // Each entry becomes one String, which every row naming it shares.
                dictionaryStrings = new String[entries];
                for (int id = 0; id < entries; id++) {
                    dictionaryStrings[id] = dictionary.decodeToBinary(id).toStringUsingUTF8();
                }
            }
            case NONE -> {
                dictionaryConverter = converter.hasDictionarySupport();
                if (dictionaryConverter) {
                    converter.setDictionary(dictionary);
                }
            }
        }
    }

    /** Whether this feed decodes pages of the column's physical type at all. */
    static boolean decodes(ColumnDescriptor column) {
        return switch (column.getPrimitiveType().getPrimitiveTypeName()) {
            case INT32, INT64, FLOAT, DOUBLE, BINARY -> column.getMaxRepetitionLevel() == 0
                    && column.getMaxDefinitionLevel() <= 1;
            default -> false;
        };
    }

    /** Fills the next {@code count} rows of the column into the fill. */
    void fill(int count) {
        int left = count;
        while (left > 0) {
            if (fallback != null) {
                for (; left > 0; left--) {
                    if (fallback.getCurrentDefinitionLevel() == maxDefinition) {
                        fallback.writeCurrentValueToConverter();
                    } else {
                        fill.setNull();
                    }
                    fallback.consume();
                }
                return;
            }
            if (row == pageRows) {
                nextPage();
                continue;
            }
            int n = Math.min(left, pageRows - row);
            if (bulk == Bulk.NONE) {
                for (int r = row; r < row + n; r++) {
                    one(r);
                }
            } else if (dictionaryPageValues) {
                fromDictionary(n);
            } else {
                fromPlain(n);
            }
            row += n;
            left -= n;
        }
    }

    /** Rows {@code [row, row + n)} of a dictionary page into the fill's array. */
    private void fromDictionary(int n) {
        int at = fill.size;
        int id = nextId;
        int[] pageIds = ids;
        switch (bulk) {
            case LONGS -> {
                long[] out = fill.longs;
                long[] values = dictionaryLongs;
                for (int r = row; r < row + n; r++, at++) {
                    if (allDefined || levels[r] == maxDefinition) {
                        out[at] = values[pageIds[id++]];
                    } else {
                        fill.size = at;
                        fill.setNull();
                    }
                }
            }
            case DOUBLES -> {
                double[] out = fill.doubles;
                double[] values = dictionaryDoubles;
                for (int r = row; r < row + n; r++, at++) {
                    if (allDefined || levels[r] == maxDefinition) {
                        out[at] = values[pageIds[id++]];
                    } else {
                        fill.size = at;
                        fill.setNull();
                    }
                }
            }
            default -> {
                Object[] out = fill.objects;
                String[] values = dictionaryStrings;
                for (int r = row; r < row + n; r++, at++) {
                    if (allDefined || levels[r] == maxDefinition) {
                        out[at] = values[pageIds[id++]];
                    } else {
                        fill.size = at;
                        fill.setNull();
                    }
                }
            }
        }
        nextId = id;
        fill.size = at;
    }

    /** Rows {@code [row, row + n)} of a plain page into the fill's array. */
    private void fromPlain(int n) {
        int at = fill.size;
        ByteBuffer bytes = plain;
        if (allDefined && (physical == PrimitiveTypeName.DOUBLE || physical == PrimitiveTypeName.INT64)) {
            // Eight-byte values copied in one go.
            if (physical == PrimitiveTypeName.DOUBLE) {
                bytes.asDoubleBuffer().get(fill.doubles, at, n);
            } else {
                bytes.asLongBuffer().get(fill.longs, at, n);
            }
            bytes.position(bytes.position() + 8 * n);
            fill.size = at + n;
            return;
        }
        for (int r = row; r < row + n; r++, at++) {
            if (!allDefined && levels[r] != maxDefinition) {
                fill.size = at;
                fill.setNull();
                continue;
            }
            switch (bulk) {
                case LONGS -> fill.longs[at] = physical == PrimitiveTypeName.INT32 ? bytes.getInt() : bytes.getLong();
                case DOUBLES -> fill.doubles[at] = switch (physical) {
                    case FLOAT -> bytes.getFloat();
                    case INT32 -> bytes.getInt();
                    default -> bytes.getDouble();
                };
                default -> {
                    int length = bytes.getInt();
                    int start = bytes.position();
                    bytes.position(start + length);
                    fill.objects[at] = new String(bytes.array(), start, length, StandardCharsets.UTF_8);
                }
            }
        }
        fill.size = at;
    }

    /** Row {@code at} of the current page through the converter (a type the fill does not take in bulk). */
    private void one(int at) {
        if (!allDefined && levels[at] != maxDefinition) {
            fill.setNull();
            return;
        }
        if (dictionaryPageValues) {
            int id = ids[nextId++];
            if (dictionaryConverter) {
                converter.addValueFromDictionary(id);
                return;
            }
            switch (physical) {
                case DOUBLE -> converter.addDouble(dictionary.decodeToDouble(id));
                case INT32 -> converter.addInt(dictionary.decodeToInt(id));
                case INT64 -> converter.addLong(dictionary.decodeToLong(id));
                case FLOAT -> converter.addFloat(dictionary.decodeToFloat(id));
                default -> converter.addBinary(dictionary.decodeToBinary(id));
            }
            return;
        }
        switch (physical) {
            case DOUBLE -> converter.addDouble(plain.getDouble());
            case INT32 -> converter.addInt(plain.getInt());
            case INT64 -> converter.addLong(plain.getLong());
            case FLOAT -> converter.addFloat(plain.getFloat());
            default -> {
                int length = plain.getInt();
                int start = plain.position();
                plain.position(start + length);
                converter.addBinary(Binary.fromConstantByteArray(plain.array(), start, length));
            }
        }
    }

    /**
     * Decodes the next page; false when it is one this feed does not decode, after handing it and the pages after it
     * to Parquet's column reader.
     */
    private boolean nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IllegalStateException("column " + column + " has fewer values than its row group has rows");
        }
        Encoding values = page instanceof DataPageV1 v1 ? v1.getValueEncoding() : null;
        boolean dictionaryEncoded = values != null && values.usesDictionary();
        if (values == null || !(dictionaryEncoded && dictionary != null || values == Encoding.PLAIN)
                || maxDefinition > 0 && ((DataPageV1) page).getDlEncoding() != Encoding.RLE) {
            fallback = fallbackFactory.reader(new Resumed(page));
            return false;
        }
        // The page's bytes where they are (a decompressed page is an array of its own), copied only when off heap.
        byte[] bytes;
        int offset;
        int end;
        // Heap buffers need no release: the page's buffer stays valid after its releaser is closed.
        try (ByteBufferReleaser releaser = new ByteBufferReleaser(HeapByteBufferAllocator.getInstance())) {
            ByteBuffer buffer = ((DataPageV1) page).getBytes().toByteBuffer(releaser);
            if (buffer.hasArray()) {
                bytes = buffer.array();
                offset = buffer.arrayOffset() + buffer.position();
                end = offset + buffer.remaining();
            } else {
                bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                offset = 0;
                end = bytes.length;
            }
        }
        pageRows = page.getValueCount();
        consumed += pageRows;
        row = 0;
        int defined = pageRows;
        allDefined = maxDefinition == 0;
        if (!allDefined) {
            int length = littleEndianInt(bytes, offset);
            offset += 4;
            if (levels.length < pageRows) {
                levels = new int[pageRows];
            }
            hybrid(bytes, offset, offset + length, BytesUtils.getWidthFromMaxInt(maxDefinition), levels, pageRows);
            offset += length;
            defined = 0;
            for (int r = 0; r < pageRows; r++) {
                if (levels[r] == maxDefinition) {
                    defined++;
                }
            }
            // A page without a null (all of a column Spark wrote without nulls) is read as one without levels.
            allDefined = defined == pageRows;
        }
        dictionaryPageValues = dictionaryEncoded;
        if (dictionaryEncoded) {
            if (ids.length < defined) {
                ids = new int[defined];
            }
            int bitWidth = defined == 0 ? 0 : bytes[offset] & 0xff;
            hybrid(bytes, offset + 1, end, bitWidth, ids, defined);
            nextId = 0;
        } else {
            plain = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            plain.position(offset);
        }
        return true;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    /**
     * {@code count} values of Parquet's RLE / bit-packing hybrid encoding at {@code bytes[from, to)} into {@code out}
     * a run at a time: a repeated value's run filled in one go, a bit-packed run unpacked eight values a call by
     * parquet's own {@link BytePacker}, the runs' headers read by its {@link BytesUtils}. Parquet's
     * {@code RunLengthBitPackingHybridDecoder} gives the same values one call per value, which was a third of the
     * samples of reading a file of dictionary-encoded columns.
     */
    static void hybrid(byte[] bytes, int from, int to, int bitWidth, int[] out, int count) {
        // Straight from the little-endian factory: Packer.LITTLE_ENDIAN would load its five other factories too, some
        // 250 classes.
        BytePacker packer = ByteBitPackingLE.factory.newBytePacker(bitWidth);
        ByteBuffer packed = ByteBuffer.wrap(bytes);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, from, to - from);
        int[] eight = null;
        int n = 0;
        try {
            while (n < count) {
                int header = BytesUtils.readUnsignedVarInt(in);
                if ((header & 1) == 0) {
                    int end = Math.min(count, n + (header >>> 1));
                    Arrays.fill(out, n, end, BytesUtils.readIntLittleEndianPaddedOnBitWidth(in, bitWidth));
                    n = end;
                    continue;
                }
                int groups = header >>> 1;
                int at = to - in.available();
                for (int g = 0; g < groups && n < count; g++, at += bitWidth) {
                    if (n + 8 <= count && at + bitWidth <= to) {
                        packer.unpack8Values(packed, at, out, n);
                        n += 8;
                    } else {
                        // The last group: fewer than eight values wanted, or its bytes cut short at the end.
                        byte[] padded = new byte[bitWidth];
                        System.arraycopy(bytes, at, padded, 0, Math.max(0, Math.min(bitWidth, to - at)));
                        eight = eight == null ? new int[8] : eight;
                        packer.unpack8Values(ByteBuffer.wrap(padded), 0, eight, 0);
                        int take = Math.min(8, count - n);
                        System.arraycopy(eight, 0, out, n, take);
                        n += take;
                    }
                }
                in.skip((long) groups * bitWidth);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The page this feed stopped at, then the rest of the column's pages, with its dictionary. */
    private final class Resumed implements PageReader {
        private DataPage pending;

        Resumed(DataPage pending) {
            this.pending = pending;
        }

        @Override
        public DictionaryPage readDictionaryPage() {
            return dictionaryPage;
        }

        @Override
        public long getTotalValueCount() {
            // Parquet's reader stops reading pages once it has read this many values.
            return pages.getTotalValueCount() - consumed;
        }

        @Override
        public DataPage readPage() {
            DataPage page = pending;
            pending = null;
            return page != null ? page : pages.readPage();
        }
    }

    /** The fallback of a row group's column: Parquet's column reader over the given pages, with the same converter. */
    private static Fallback parquetReader(ColumnDescriptor column, PageReadStore rowGroup, GroupConverter root,
            MessageType requested, String createdBy) {
        return pages -> new ColumnReadStoreImpl(new PageReadStore() {
            @Override
            public PageReader getPageReader(ColumnDescriptor descriptor) {
                return pages;
            }

            @Override
            public long getRowCount() {
                return rowGroup.getRowCount();
            }
        }, root, requested, createdBy).getColumnReader(column);
    }
}
