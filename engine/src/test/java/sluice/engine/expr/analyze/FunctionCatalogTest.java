package sluice.engine.expr.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.expr.functions.FunctionRegistry;

/** The registry describes exactly the functions the analyzer can type, so neither lists a name the other lacks. */
class FunctionCatalogTest {
    @Test
    void everyTypedFunctionIsDescribedAndEveryDescribedFunctionIsTyped() {
        assertThat(FunctionCatalog.typedNames())
                .containsExactlyElementsOf(FunctionRegistry.standard().callableNames());
    }
}
