package sluice.spark.fuzz;

import java.util.EnumSet;
import java.util.Set;

/** The value kinds the fuzzer makes columns and expressions of. A decimal column's precision lives in its DDL. */
enum Kind {
    BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, STRING, BINARY, DATE, TIMESTAMP;

    static final Set<Kind> NUMERIC = EnumSet.of(TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL);
    static final Set<Kind> INTEGRAL = EnumSet.of(TINYINT, SMALLINT, INT, BIGINT);

    boolean isNumeric() {
        return NUMERIC.contains(this);
    }

    /** Arithmetic of this kind can fail under ANSI rules (overflow); floating point saturates instead. */
    boolean overflows() {
        return INTEGRAL.contains(this) || this == DECIMAL;
    }

    /** The DDL of a column or cast target of this kind; decimals get {@code decimal} as their precision. */
    String ddl(String decimal) {
        return this == DECIMAL ? decimal : name();
    }
}
