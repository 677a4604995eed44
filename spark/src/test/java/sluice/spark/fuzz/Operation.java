package sluice.spark.fuzz;

import java.util.List;

/**
 * One way to build an expression of kind {@code result}: a pattern with a {@code %s} per parameter, and whether
 * the operation can fail under ANSI rules. A parameter is either a sub-expression of a kind or one of a few fixed
 * literal texts (a pattern, a format, a small count), where arbitrary values would only test memory.
 */
record Operation(String pattern, Kind result, List<Param> params, boolean mayFail) {
    Operation {
        params = List.copyOf(params);
    }

    record Param(Kind kind, List<String> literals) {
        Param {
            literals = List.copyOf(literals);
        }

        static Param of(Kind kind) {
            return new Param(kind, List.of());
        }

        static Param literal(Kind kind, String... choices) {
            return new Param(kind, List.of(choices));
        }
    }
}
