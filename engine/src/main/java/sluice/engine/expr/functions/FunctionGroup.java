package sluice.engine.expr.functions;

import java.util.Locale;

/**
 * Spark's function groups, as its ExpressionDescription names them ({@code string_funcs}, {@code math_funcs} ...).
 * Aggregate, window, generator and table functions are not scalar: they do not go in an expression's value.
 */
public enum FunctionGroup {
    STRING, BINARY, MATH, HASH, BITWISE, CONDITIONAL, PREDICATE, CONVERSION, URL, MISC, DATETIME, COLLECTION, ARRAY,
    MAP, STRUCT, LAMBDA, JSON, CSV, XML, VARIANT, ST, AGG, WINDOW, GENERATOR, TABLE;

    /** Spark's name of the group, such as {@code string_funcs}. */
    public String sparkName() {
        return name().toLowerCase(Locale.ROOT) + "_funcs";
    }

    /** Whether the group's functions compute one value per row (not aggregate, window, generator or table). */
    public boolean isScalar() {
        return this != AGG && this != WINDOW && this != GENERATOR && this != TABLE;
    }

    /** The group named {@code sparkName} ({@code math_funcs}), or an IllegalArgumentException. */
    public static FunctionGroup ofSparkName(String sparkName) {
        for (FunctionGroup group : values()) {
            if (group.sparkName().equals(sparkName)) {
                return group;
            }
        }
        throw new IllegalArgumentException("no function group " + sparkName);
    }
}
