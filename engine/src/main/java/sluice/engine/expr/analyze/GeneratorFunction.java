package sluice.engine.expr.analyze;

import java.util.Locale;
import java.util.Optional;

/**
 * Spark's generators: functions that turn one row into zero or more rows of one or more columns. The outer forms
 * give one row of NULLs where the plain form gives none (a NULL or empty array or map).
 */
public enum GeneratorFunction {
    EXPLODE(false), EXPLODE_OUTER(true), POSEXPLODE(false), POSEXPLODE_OUTER(true), INLINE(false),
    INLINE_OUTER(true), STACK(false), JSON_TUPLE(false);

    private final boolean outer;

    GeneratorFunction(boolean outer) {
        this.outer = outer;
    }

    /** The name as called, such as {@code posexplode_outer}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a row whose array or map is NULL or empty still gives one row, of NULLs. */
    public boolean isOuter() {
        return outer;
    }

    /** The generator called {@code name} (any case), if it is one. */
    public static Optional<GeneratorFunction> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (GeneratorFunction function : values()) {
            if (function.sqlName().equals(lower)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }
}
