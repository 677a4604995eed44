package sluice.engine.expr.functions;

import java.util.List;

/** The array functions that make new arrays: arrays_zip, sequence and shuffle (Spark's array_funcs). */
final class SequenceDocs {
    private SequenceDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.ARRAY)
                .add("arrays_zip", "arrays_zip(array1, array2, ...)",
                        "An array of structs of the elements at each index, as long as the longest array (NULLs where "
                        + "one ends); each field named after its argument when that is a column or field, else by "
                        + "its position; NULL if any array is",
                        "arrays_zip(array(1, 2), array('a'))", "[{1, a}, {2, NULL}]")
                .add("sequence", "sequence(start, stop[, step])",
                        "The integers from start to stop by step (1 or -1 by default), or the dates or timestamps by "
                        + "an INTERVAL step (1 day or -1 day by default; whole days for dates); a step away from stop "
                        + "is an error",
                        "sequence(DATE '2024-02-27', DATE '2024-03-01')",
                        "[2024-02-27, 2024-02-28, 2024-02-29, 2024-03-01]")
                .add("shuffle", "shuffle(array[, seed])",
                        "The elements in a random order, drawn as rand draws (a fresh seed each micro-batch)",
                        "shuffle(array(7))", "[7]")
                .functions();
    }
}
