package sluice.engine.expr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import sluice.engine.diag.Position;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SelectItem;
import sluice.engine.expr.compile.GeneratedRows;
import sluice.engine.operator.GroupingKey;
import sluice.engine.sink.PrettyText;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** The registry's examples say what Sluice computes, and its names are well formed. */
class FunctionRegistryTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final FunctionRegistry REGISTRY = FunctionRegistry.standard();

    /** The value of an example as a console sink prints it; for a generator, its first row, separated by commas. */
    static String valueOf(String example) {
        return valueOf(example, new Batch(Schema.EMPTY, List.of(), 1));
    }

    /** The value of an example over {@code one}, a batch of one row. */
    static String valueOf(String example, Batch one) {
        SelectItem item = new ExpressionCompiler(UTC).compileSelectItem(example, one.schema(), Position.NOWHERE);
        if (item instanceof SelectItem.Generator generator) {
            GeneratedRows rows = generator.generator().generate(one, new EvalContext(0L, UTC));
            List<String> values = new ArrayList<>();
            for (ColumnVector column : rows.columns()) {
                values.add(PrettyText.of(column.type(), column.get(0), UTC));
            }
            return String.join(", ", values);
        }
        CompiledExpression compiled = ((SelectItem.Scalar) item).expression();
        return PrettyText.of(compiled.type(), compiled.evaluate(one, new EvalContext(0L, UTC)).get(0), UTC);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsResult() {
        return REGISTRY.functions().stream().map(f -> DynamicTest.dynamicTest(f.name() + ": " + f.example(),
                () -> assertThat(valueOf(f.example(), f.overWindow() ? windowRow() : new Batch(Schema.EMPTY,
                        List.of(), 1))).as(f.example()).isEqualTo(f.result())));
    }

    /** The one row of an {@code overWindow} example: the column {@code window} holding SqlFunction.EXAMPLE_WINDOW. */
    private static Batch windowRow() {
        Schema schema = Schema.of(new Field("window", GroupingKey.TimeWindow.TYPE, true));
        List<Object> bounds = SqlFunction.EXAMPLE_WINDOW.stream()
                .map(text -> (Object) LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC)).toList();
        return Batch.ofRows(schema, List.of(Row.of(new Row(bounds))));
    }

    @Test
    void namesAreLowerCaseAndEveryFunctionHasADescriptionAndSignatures() {
        for (SqlFunction function : REGISTRY.functions()) {
            assertThat(function.names()).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
            assertThat(function.description()).as(function.name()).isNotBlank().doesNotEndWith(".");
            assertThat(function.signatures()).as(function.name()).allMatch(s -> !s.isBlank());
        }
    }

    @Test
    void callableNamesAreSortedAndFoundAgain() {
        List<String> names = REGISTRY.callableNames();

        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertThat(names).isEqualTo(sorted).contains("upper", "ucase").doesNotContain("+", "in", "&");
        assertThat(REGISTRY.find("UCASE")).map(SqlFunction::name).contains("upper");
    }

    @Test
    void aMissingFunctionIsNotAlsoDescribed() {
        for (MissingFunction missing : REGISTRY.missing()) {
            assertThat(REGISTRY.find(missing.name())).as(missing.name()).isEmpty();
        }
    }

    @Test
    void signaturesReadWithTheAliasCalled() {
        SqlFunction upper = REGISTRY.find("ucase").orElseThrow();

        assertThat(upper.signaturesAs("ucase")).containsExactly("ucase(str)");
    }
}
