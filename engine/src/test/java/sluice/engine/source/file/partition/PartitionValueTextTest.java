package sluice.engine.source.file.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DecimalType;

/** Folder values read as Spark's PartitioningUtils reads them; the compatibility cases check the same against Spark. */
class PartitionValueTextTest {
    @Test
    void typesAreInferredAsSparkInfersThem() {
        assertThat(PartitionValueText.infer("0099", true, ZoneOffset.UTC)).isEqualTo(AtomicType.INT);
        assertThat(PartitionValueText.infer("12345678901", true, ZoneOffset.UTC)).isEqualTo(AtomicType.BIGINT);
        assertThat(PartitionValueText.infer("123456789012345678901", true, ZoneOffset.UTC))
                .isEqualTo(new DecimalType(21, 0));
        assertThat(PartitionValueText.infer("1e3", true, ZoneOffset.UTC)).isEqualTo(AtomicType.DOUBLE);
        assertThat(PartitionValueText.infer("2024-01-31 10%3A00%3A00", true, ZoneOffset.UTC))
                .isEqualTo(AtomicType.TIMESTAMP);
        assertThat(PartitionValueText.infer("2024-01-31", true, ZoneOffset.UTC)).isEqualTo(AtomicType.DATE);
        assertThat(PartitionValueText.infer("2024-02-30", true, ZoneOffset.UTC)).isEqualTo(AtomicType.STRING);
        assertThat(PartitionValueText.infer("__HIVE_DEFAULT_PARTITION__", true, ZoneOffset.UTC))
                .isEqualTo(AtomicType.NULL);
        assertThat(PartitionValueText.infer("7", false, ZoneOffset.UTC)).isEqualTo(AtomicType.STRING);
    }

    @Test
    void twoFoldersSettleOnTheWiderTypeOrString() {
        assertThat(PartitionValueText.wider(AtomicType.INT, AtomicType.BIGINT)).isEqualTo(AtomicType.BIGINT);
        assertThat(PartitionValueText.wider(AtomicType.BIGINT, AtomicType.DOUBLE)).isEqualTo(AtomicType.STRING);
        assertThat(PartitionValueText.wider(AtomicType.INT, new DecimalType(21, 0))).isEqualTo(new DecimalType(21, 0));
        assertThat(PartitionValueText.wider(AtomicType.DATE, AtomicType.TIMESTAMP)).isEqualTo(AtomicType.TIMESTAMP);
        assertThat(PartitionValueText.wider(AtomicType.NULL, AtomicType.DATE)).isEqualTo(AtomicType.DATE);
        assertThat(PartitionValueText.wider(AtomicType.INT, AtomicType.DATE)).isEqualTo(AtomicType.STRING);
    }

    @Test
    void valuesAreReadAsTheirColumnsType() {
        assertThat(PartitionValueText.value("a%3Db", AtomicType.STRING, ZoneOffset.UTC)).isEqualTo("a=b");
        assertThat(PartitionValueText.value("5", new DecimalType(4, 1), ZoneOffset.UTC))
                .isEqualTo(new BigDecimal("5.0"));
        assertThat(PartitionValueText.value("2024-01-01", AtomicType.TIMESTAMP, ZoneOffset.UTC))
                .isEqualTo(1_704_067_200_000_000L);
        assertThat(PartitionValueText.value("__HIVE_DEFAULT_PARTITION__", AtomicType.INT, ZoneOffset.UTC)).isNull();
        assertThatThrownBy(() -> PartitionValueText.value("abc", AtomicType.INT, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAndValuesAreEscapedAsSparkEscapesThemAndReadBack() {
        String text = "a/b:c=d%e#f\"g ü";
        assertThat(PathEscaping.escape(text)).isEqualTo("a%2Fb%3Ac%3Dd%25e%23f%22g ü");
        assertThat(PathEscaping.unescape(PathEscaping.escape(text))).isEqualTo(text);
        assertThat(PathEscaping.unescape("100%")).isEqualTo("100%");
        assertThat(PathEscaping.valueText("")).isEqualTo("__HIVE_DEFAULT_PARTITION__");
    }
}
