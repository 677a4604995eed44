package sluice.engine.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesTest {
    private static Bytes of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Bytes.of(bytes);
    }

    @Test
    void equalBytesAreEqualValues() {
        assertThat(of(1, 2)).isEqualTo(of(1, 2)).hasSameHashCodeAs(of(1, 2));
        assertThat(of(1, 2)).isNotEqualTo(of(1, 2, 0));
        assertThat(Row.of(of(0x41))).isEqualTo(Row.of(of(0x41)));
    }

    @Test
    void ordersByteByByteUnsignedWithAPrefixFirst() {
        List<Bytes> values = new ArrayList<>(List.of(of(0x80), of(0x7F), of(0x41, 0x00), of(0x41), Bytes.EMPTY));

        values.sort(null);

        assertThat(values).containsExactly(Bytes.EMPTY, of(0x41), of(0x41, 0x00), of(0x7F), of(0x80));
    }

    @Test
    void isACopyThatCannotBeChangedFromOutside() {
        byte[] source = {1, 2};
        Bytes bytes = Bytes.of(source);
        source[0] = 9;
        bytes.toArray()[1] = 9;

        assertThat(bytes).isEqualTo(of(1, 2));
    }

    @Test
    void printsAsSparksShowAndAsPlainHex() {
        assertThat(of(0x41, 0x0A, 0xFF)).hasToString("[41 0A FF]");
        assertThat(Bytes.EMPTY).hasToString("[]");
        assertThat(of(0x41, 0x0A, 0xFF).toHex()).isEqualTo("410AFF");
    }

    @Test
    void readsHexAsSparksUnhex() {
        assertThat(Bytes.fromHex("410aFf")).isEqualTo(of(0x41, 0x0A, 0xFF));
        assertThat(Bytes.fromHex("abc")).isEqualTo(of(0x0A, 0xBC));
        assertThat(Bytes.fromHex("")).isEqualTo(Bytes.EMPTY);
        assertThat(Bytes.fromHex("4g")).isNull();
        assertThat(Bytes.fromHex("é1")).isNull();
    }

    @Test
    void textIsUtf8BothWays() {
        assertThat(Bytes.utf8("Aé")).isEqualTo(of(0x41, 0xC3, 0xA9));
        assertThat(of(0x41, 0xC3, 0xA9).toUtf8String()).isEqualTo("Aé");
        assertThat(of(0xFF).toUtf8String()).isEqualTo("\uFFFD");
    }

    @Test
    void columnsOfSmallIntegersGiveByteAndShort() {
        Batch batch = Batch.ofRows(Schema.of(Field.of("t", AtomicType.TINYINT), Field.of("s", AtomicType.SMALLINT),
                Field.of("b", AtomicType.BINARY)), List.of(Row.of((byte) -1, (short) -2, of(3))));

        assertThat(batch.row(0)).isEqualTo(Row.of((byte) -1, (short) -2, of(3)));
    }
}
