package sluice.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/** How the inspector shows and sorts TINYINT, SMALLINT and BINARY cells, and shows arrays, maps and structs. */
class CellOrderTest {
    @Test
    void smallIntegersSortByValueNullsFirst() {
        List<Object> cells = new ArrayList<>(Arrays.asList((byte) 5, null, (byte) -128, (byte) 127));

        cells.sort(CellOrder.of(AtomicType.TINYINT, ZoneOffset.UTC));

        assertThat(cells).containsExactly(null, (byte) -128, (byte) 5, (byte) 127);
    }

    @Test
    void binarySortsByteByByteUnsignedAsSpark() {
        List<Object> cells = new ArrayList<>(List.of(Bytes.of((byte) 0x80), Bytes.of((byte) 0x41, (byte) 0x00),
                Bytes.of((byte) 0x7F), Bytes.of((byte) 0x41)));

        cells.sort(CellOrder.of(AtomicType.BINARY, ZoneOffset.UTC));

        assertThat(cells).containsExactly(Bytes.of((byte) 0x41), Bytes.of((byte) 0x41, (byte) 0x00),
                Bytes.of((byte) 0x7F), Bytes.of((byte) 0x80));
    }

    @Test
    void binaryShowsAsSparksHexBytesAndSmallIntegersAsNumbers() {
        assertThat(CellText.of(AtomicType.BINARY, Bytes.of((byte) 0x41, (byte) 0xFF), ZoneOffset.UTC))
                .isEqualTo("[41 FF]");
        assertThat(CellText.of(AtomicType.SMALLINT, (short) -32768, ZoneOffset.UTC)).isEqualTo("-32768");
        assertThat(CellText.of(AtomicType.BINARY, null, ZoneOffset.UTC)).isEqualTo("null");
    }

    @Test
    void arraysMapsAndStructsShowAsSparksShowWithNullInside() {
        MapType map = MapType.of(AtomicType.STRING, new ArrayType(AtomicType.BINARY, true));
        StructType struct = new StructType(List.of(Field.of("a", AtomicType.INT), Field.of("b", AtomicType.STRING)));

        assertThat(CellText.of(new ArrayType(AtomicType.INT, true), Arrays.asList(1, null), ZoneOffset.UTC))
                .isEqualTo("[1, NULL]");
        assertThat(CellText.of(map, new MapValue(List.of("k", "z"), Arrays.asList(List.of(Bytes.of((byte) 0x41)),
                null)), ZoneOffset.UTC)).isEqualTo("{k -> [[41]], z -> NULL}");
        assertThat(CellText.of(struct, Row.of(1, null), ZoneOffset.UTC)).isEqualTo("{1, NULL}");
        assertThat(CellText.of(struct, null, ZoneOffset.UTC)).isEqualTo("null");
    }
}
