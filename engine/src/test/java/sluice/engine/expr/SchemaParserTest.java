package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

class SchemaParserTest {
    private static final Position WHERE = Position.option("stocks", "schema");

    @Test
    void parsesFieldsInOrderWithTheirTypes() {
        Schema schema = SchemaParser.parse("Date DATE, Close DOUBLE, Volume BIGINT, Name STRING", WHERE);

        assertThat(schema.fields()).containsExactly(
                Field.of("Date", AtomicType.DATE), Field.of("Close", AtomicType.DOUBLE),
                Field.of("Volume", AtomicType.BIGINT), Field.of("Name", AtomicType.STRING));
    }

    @Test
    void acceptsSparkTypeAliasesInAnyCase() {
        Schema schema = SchemaParser.parse("a integer, b Long, c varchar(10), d real, e numeric(5,2), f "
                + "timestamp", WHERE);

        assertThat(schema.fields()).extracting(Field::type).containsExactly(AtomicType.INT, AtomicType.BIGINT,
                AtomicType.STRING, AtomicType.FLOAT, new DecimalType(5, 2), AtomicType.TIMESTAMP);
    }

    @Test
    void decimalWithoutPrecisionIsTenZeroAsInSpark() {
        assertThat(SchemaParser.parseType("DECIMAL", WHERE)).isEqualTo(new DecimalType(10, 0));
    }

    @Test
    void parsesNestedArraysAndStructsAndBackquotedNames() {
        Schema schema = SchemaParser.parse("`my col` ARRAY<ARRAY<INT>>, s STRUCT<a: INT, `b c` STRING>", WHERE);

        assertThat(schema.field(0)).isEqualTo(Field.of("my col",
                new ArrayType(new ArrayType(AtomicType.INT, true), true)));
        assertThat(schema.field(1).type()).isEqualTo(new StructType(List.of(
                Field.of("a", AtomicType.INT), Field.of("b c", AtomicType.STRING))));
    }

    @Test
    void parsesMapsWithTheirKeyAndValueTypes() {
        Schema schema = SchemaParser.parse("m MAP<STRING, ARRAY<INT>>, n map<int,map<string,struct<a:int>>>", WHERE);

        assertThat(schema.field(0).type()).isEqualTo(MapType.of(AtomicType.STRING,
                new ArrayType(AtomicType.INT, true)));
        assertThat(schema.field(1).type().simpleString()).isEqualTo("map<int,map<string,struct<a:int>>>");
    }

    @Test
    void aMapWithoutItsValueTypeIsReported() {
        Problem problem = problemOf("m MAP<STRING>");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(1, 13),
                "expected ',' but found '>'"));
    }

    @Test
    void notNullMakesAFieldNonNullableAndCommentsAreSkipped() {
        Schema schema = SchemaParser.parse("id BIGINT NOT NULL COMMENT 'key', v DOUBLE", WHERE);

        assertThat(schema.field(0).nullable()).isFalse();
        assertThat(schema.field(1).nullable()).isTrue();
    }

    @Test
    void unknownTypeIsReportedAtItsColumn() {
        Problem problem = problemOf("Date DATE, Close DUBLE");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(1, 18),
                "unsupported data type 'DUBLE'"));
    }

    @Test
    void missingTypeAtEndOfInputIsReported() {
        Problem problem = problemOf("a INT, b");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(1, 9),
                "expected a data type but found end of input"));
    }

    @Test
    void unclosedDecimalIsReportedWithLineAndColumnOnLaterLines() {
        Problem problem = problemOf("a INT,\n  b DECIMAL(10,2");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(2, 17),
                "expected ')' but found end of input"));
    }

    @Test
    void decimalPrecisionAboveThirtyEightIsRejected() {
        Problem problem = problemOf("a DECIMAL(40, 2)");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(1, 11),
                "decimal precision 40 is out of range; it must be between 1 and 38"));
    }

    @Test
    void duplicateFieldNamesIgnoringCaseAreRejected() {
        Problem problem = problemOf("a INT, A STRING");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(1, 8),
                "duplicate field name 'A'"));
    }

    @Test
    void missingCommaBetweenFieldsIsReported() {
        Problem problem = problemOf("a INT b STRING");

        assertThat(problem).isEqualTo(new Problem(ErrorCode.SCHEMA_SYNTAX, WHERE.at(1, 7),
                "expected ',' or end of input but found 'b'"));
    }

    private static Problem problemOf(String ddl) {
        return catchThrowableOfType(SluiceException.class, () -> SchemaParser.parse(ddl, WHERE)).problem();
    }
}
