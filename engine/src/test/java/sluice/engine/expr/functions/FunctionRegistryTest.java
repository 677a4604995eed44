package sluice.engine.expr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
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
import sluice.engine.sink.PrettyText;
import sluice.engine.types.Batch;
import sluice.engine.types.Schema;

/** The registry's examples say what Sluice computes, and its names are well formed. */
class FunctionRegistryTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final FunctionRegistry REGISTRY = FunctionRegistry.standard();

    /** The value of an example as a console sink prints it. */
    static String valueOf(String example) {
        CompiledExpression compiled = new ExpressionCompiler(UTC).compile(example, Schema.EMPTY, Position.NOWHERE);
        Batch one = new Batch(Schema.EMPTY, List.of(), 1);
        return PrettyText.of(compiled.type(), compiled.evaluate(one, new EvalContext(0L, UTC)).get(0), UTC);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsResult() {
        return REGISTRY.functions().stream().map(f -> DynamicTest.dynamicTest(f.name() + ": " + f.example(),
                () -> assertThat(valueOf(f.example())).as(f.example()).isEqualTo(f.result())));
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
