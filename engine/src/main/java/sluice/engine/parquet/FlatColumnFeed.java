package sluice.engine.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.BytesUtils;
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
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One flat column of a row group, handed to its converter a row at a time, each data page decoded in one go: the
 * definition levels and a dictionary-encoded page's ids are unpacked into arrays (by parquet-column's hybrid decoder),
 * a plain page's values read from its bytes, instead of Parquet's column reader decoding value by value. The converter
 * receives the same calls as from Parquet's reader ({@code addValueFromDictionary} when it takes the dictionary, else
 * the decoded value), so values are unchanged. Pages it does not decode (version 2 pages, encodings other than plain
 * and dictionary, booleans, INT96 and fixed-length bytes) go, from the first such page on, to Parquet's own column
 * reader. Mutable; one reading thread.
 */
final class FlatColumnFeed {
    private final ColumnDescriptor column;
    private final PageReader pages;
    private final PrimitiveConverter converter;
    private final PrimitiveTypeName physical;
    private final int maxDefinition;
    private final Fallback fallbackFactory;
    private Dictionary dictionary;
    private DictionaryPage dictionaryPage;
    private boolean dictionaryConverter;
    private double[] dictionaryDoubles;
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

    private FlatColumnFeed(ColumnDescriptor column, PageReader pages, PrimitiveConverter converter,
            Fallback fallback) {
        this.column = column;
        this.pages = pages;
        this.converter = converter;
        this.physical = column.getPrimitiveType().getPrimitiveTypeName();
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.fallbackFactory = fallback;
    }

    /**
     * The feed of {@code column} in {@code rowGroup}, whose converter is {@code converter} (the one {@code root}
     * gives for the column); Parquet's column reader from the start for a column this feed does not decode.
     */
    static FlatColumnFeed of(ColumnDescriptor column, PageReadStore rowGroup, GroupConverter root,
            MessageType requested, String createdBy, PrimitiveConverter converter) {
        PageReader pages = rowGroup.getPageReader(column);
        FlatColumnFeed feed = new FlatColumnFeed(column, pages, converter,
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
            feed.dictionaryConverter = converter.hasDictionarySupport();
            if (feed.dictionaryConverter) {
                converter.setDictionary(feed.dictionary);
            } else if (feed.physical == PrimitiveTypeName.DOUBLE) {
                feed.dictionaryDoubles = new double[feed.dictionary.getMaxId() + 1];
                for (int id = 0; id < feed.dictionaryDoubles.length; id++) {
                    feed.dictionaryDoubles[id] = feed.dictionary.decodeToDouble(id);
                }
            }
        }
        return feed;
    }

    /** Whether this feed decodes pages of the column's physical type at all. */
    static boolean decodes(ColumnDescriptor column) {
        return switch (column.getPrimitiveType().getPrimitiveTypeName()) {
            case INT32, INT64, FLOAT, DOUBLE, BINARY -> column.getMaxRepetitionLevel() == 0
                    && column.getMaxDefinitionLevel() <= 1;
            default -> false;
        };
    }

    /** Hands the next row's value to the converter, or nothing when it is null. */
    void next() {
        if (fallback != null) {
            if (fallback.getCurrentDefinitionLevel() == maxDefinition) {
                fallback.writeCurrentValueToConverter();
            }
            fallback.consume();
            return;
        }
        while (row == pageRows) {
            if (!nextPage()) {
                next();
                return;
            }
        }
        int at = row++;
        if (!allDefined && levels[at] != maxDefinition) {
            return;
        }
        if (dictionaryPageValues) {
            int id = ids[nextId++];
            if (dictionaryConverter) {
                converter.addValueFromDictionary(id);
                return;
            }
            switch (physical) {
                case DOUBLE -> converter.addDouble(dictionaryDoubles[id]);
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
        byte[] bytes;
        try {
            bytes = ((DataPageV1) page).getBytes().toInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        pageRows = page.getValueCount();
        consumed += pageRows;
        row = 0;
        int offset = 0;
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
        }
        dictionaryPageValues = dictionaryEncoded;
        if (dictionaryEncoded) {
            if (ids.length < defined) {
                ids = new int[defined];
            }
            int bitWidth = defined == 0 ? 0 : bytes[offset] & 0xff;
            hybrid(bytes, offset + 1, bytes.length, bitWidth, ids, defined);
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
     * {@code count} values of Parquet's RLE / bit-packing hybrid encoding at {@code bytes[from, to)}, read by
     * parquet-column's own decoder into {@code out} in one loop.
     */
    static void hybrid(byte[] bytes, int from, int to, int bitWidth, int[] out, int count) {
        RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
                new java.io.ByteArrayInputStream(bytes, from, to - from));
        try {
            for (int n = 0; n < count; n++) {
                out[n] = decoder.readInt();
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
