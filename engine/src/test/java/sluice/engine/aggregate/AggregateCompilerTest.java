package sluice.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SchemaParser;
import sluice.engine.types.Schema;

class AggregateCompilerTest {
    private static final Schema INPUT = SchemaParser.parse("Name STRING, Close DOUBLE, Open DOUBLE, Volume INT, "
            + "Price DECIMAL(10,2), Day DATE, Tags MAP<STRING, INT>", Position.NOWHERE);

    private final AggregateCompiler compiler = new AggregateCompiler(new ExpressionCompiler(ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "avg(Close)           | avg(Close)          | DOUBLE",
        "AVG(Close)           | avg(Close)          | DOUBLE",
        "mean(Volume)         | mean(Volume)        | DOUBLE",
        "count(*)             | count(1)            | BIGINT",
        "count(Name)          | count(Name)         | BIGINT",
        "count(Name, Close)   | count(Name, Close)  | BIGINT",
        "sum(Volume)          | sum(Volume)         | BIGINT",
        "sum(Close - Open)    | sum((Close - Open)) | DOUBLE",
        "sum(Price)           | sum(Price)          | DECIMAL(20,2)",
        "sum(Name)            | sum(Name)           | DOUBLE",
        "min(Day)             | min(Day)            | DATE",
        "max(Name) AS top     | top                 | STRING",
        "first(Close)         | first(Close)        | DOUBLE",
        "first(Day, true)     | first(Day)          | DATE",
        "LAST(Name, false)    | last(Name)          | STRING",
        "last(Tags)           | last(Tags)          | MAP<STRING, INT>",
        "max_by(Name, Close)  | max_by(Name, Close) | STRING",
        "min_by(Price, Day)   | min_by(Price, Day)  | DECIMAL(10,2)",
        "stddev(Volume)       | stddev(Volume)      | DOUBLE",
        "std(Close)           | std(Close)          | DOUBLE",
        "stddev_samp(Price)   | stddev_samp(Price)  | DOUBLE",
        "stddev_pop(Close)    | stddev_pop(Close)   | DOUBLE",
        "variance(Close)      | variance(Close)     | DOUBLE",
        "var_samp(Name)       | var_samp(Name)      | DOUBLE",
        "var_pop(Close)       | var_pop(Close)      | DOUBLE",
    })
    void aggregationsHaveSparksNamesAndResultTypes(String text, String name, String type) {
        AggregateCall call = compiler.compile(text, INPUT, Position.NOWHERE);

        assertThat(call.name()).isEqualTo(name);
        assertThat(call.function().resultType().sql()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "avg(Day)     | 1:5: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'avg' must be a number or an "
                + "interval, but 'Day' has type DATE",
        "max(Tags)    | 1:5: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] 'max' cannot take 'Tags' of type "
                + "MAP<STRING, INT>: maps have no order",
        "count()      | 1:1: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] function 'count' takes at least 1 argument but 0 "
                + "were given; count every row with 'count(*)'",
        "first(Close, 1)       | 1:14: The second argument in first should be a boolean literal, such as true",
        "last()                | 1:1: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] function 'last' takes 1 or 2 arguments "
                + "but 0 were given",
        "max_by(Name)          | 1:1: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] function 'max_by' takes 2 arguments but 1 "
                + "were given",
        "min_by(Name, Tags)    | 1:14: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] 'min_by' cannot order by 'Tags' of "
                + "type MAP<STRING, INT>: maps have no order",
        "stddev(Day)           | 1:8: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'stddev' must be a "
                + "number, but 'Day' has type DATE",
        "avg(Price)   | 1:5: 'avg' of DECIMAL(10,2) is not supported yet; cast 'Price' to DOUBLE first",
    })
    void wrongArgumentsAreRefusedAtTheirPlace(String text, String message) {
        assertThatThrownBy(() -> compiler.compile(text, INPUT, Position.NOWHERE))
                .isInstanceOf(SluiceException.class).hasMessage(message);
    }
}
