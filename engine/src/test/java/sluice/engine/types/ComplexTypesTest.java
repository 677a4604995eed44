package sluice.engine.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplexTypesTest {
    private static final StructType POINT = new StructType(List.of(Field.of("x", AtomicType.INT),
            Field.of("y", AtomicType.STRING)));

    @Test
    void namesAreSparkSimpleStringsAndSqlForms() {
        DataType nested = MapType.of(AtomicType.STRING, new ArrayType(POINT, true));

        assertThat(nested.simpleString()).isEqualTo("map<string,array<struct<x:int,y:string>>>");
        assertThat(nested.sql()).isEqualTo("MAP<STRING, ARRAY<STRUCT<x: INT, y: STRING>>>");
    }

    @Test
    void structSqlQuotesNamesThatAreNotIdentifiersAndMarksNotNullFields() {
        StructType struct = new StructType(List.of(new Field("a b", AtomicType.INT, false),
                Field.of("c`d", AtomicType.DATE)));

        assertThat(struct.sql()).isEqualTo("STRUCT<`a b`: INT NOT NULL, `c``d`: DATE>");
        assertThat(struct.simpleString()).isEqualTo("struct<a b:int,c`d:date>");
    }

    @Test
    void vectorsRefuseAValueOfAnotherKind() {
        VectorBuilder maps = new VectorBuilder(MapType.of(AtomicType.STRING, AtomicType.INT), 1);

        assertThatThrownBy(() -> maps.append(List.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complexValuesAreHeldOnePerRowWithNullRows() {
        ArrayType type = new ArrayType(AtomicType.INT, true);
        VectorBuilder builder = new VectorBuilder(type, 2);
        builder.append(Arrays.asList(1, null));
        builder.appendNull();

        ColumnVector vector = builder.build();

        assertThat(vector.get(0)).isEqualTo(Arrays.asList(1, null));
        assertThat(vector.isNull(1)).isTrue();
        assertThat(vector.select(new int[] {1, 0}, 2).get(1)).isEqualTo(Arrays.asList(1, null));
    }

    @Test
    void castTextOfAMapWritesArrowsAndNullValues() {
        MapType type = MapType.of(AtomicType.DATE, AtomicType.INT);
        MapValue map = new MapValue(List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)),
                Arrays.asList(1, null));

        assertThat(ValueText.of(type, map, ZoneOffset.UTC)).isEqualTo("{2024-01-02 -> 1, 2024-01-03 -> null}");
        assertThat(ValueText.of(type, MapValue.EMPTY, ZoneOffset.UTC)).isEqualTo("{}");
    }

    @Test
    void arraysOrderElementByElementWithNullFirstThenShorterFirst() {
        List<List<Integer>> values = new ArrayList<>(List.of(List.of(1, 2), Arrays.asList(1, null), List.of(1),
                List.of(0, 9), List.of(1, 2, 0)));

        values.sort(ValueOrder::compare);

        assertThat(values).containsExactly(List.of(0, 9), List.of(1), Arrays.asList(1, null), List.of(1, 2),
                List.of(1, 2, 0));
    }

    @Test
    void structsOrderFieldByFieldWithNullFirst() {
        assertThat(ValueOrder.compare(Row.of(null, "b"), Row.of(1, "a"))).isNegative();
        assertThat(ValueOrder.compare(Row.of(1, "b"), Row.of(1, "a"))).isPositive();
        assertThat(ValueOrder.compare(Row.of(1, null), Row.of(1, null))).isZero();
    }

    @Test
    void doublesOrderWithNegativeZeroEqualToZeroAndNaNLast() {
        assertThat(ValueOrder.compare(List.of(-0.0), List.of(0.0))).isZero();
        assertThat(ValueOrder.compare(Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
        assertThat(ValueOrder.compare(Float.NaN, Float.NaN)).isZero();
    }

    @Test
    void aMapLookupFindsTheFirstEqualKey() {
        MapValue map = new MapValue(List.of(List.of(1), List.of(2), List.of(1)), List.of("a", "b", "c"));

        assertThat(map.indexOf(List.of(1))).isZero();
        assertThat(map.indexOf(List.of(3))).isEqualTo(-1);
    }
}
