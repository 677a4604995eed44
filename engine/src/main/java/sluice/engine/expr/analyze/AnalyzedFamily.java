package sluice.engine.expr.analyze;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What every function family holds: the names it types, the analyzer that coerces and reports for it, and the
 * catalog that checks arities. Immutable once made; one per analysis.
 */
abstract class AnalyzedFamily implements FunctionFamily {
    protected final Analyzer analyzer;
    protected final FunctionCatalog catalog;
    private final Set<String> names;

    AnalyzedFamily(Set<String> names, Analyzer analyzer, FunctionCatalog catalog) {
        this.names = requireNonNull(names, "names is null");
        this.analyzer = analyzer;
        this.catalog = catalog;
    }

    @Override
    public final Set<String> names() {
        return names;
    }
}
