package sluice.spark.fuzz;

/** The plainest literal of each kind, which the shrinker puts in place of a whole subexpression. */
final class Literals {
    private Literals() {
    }

    static Expr simplest(Kind kind) {
        String text = switch (kind) {
            case BOOLEAN -> "true";
            case TINYINT -> "1Y";
            case SMALLINT -> "1S";
            case INT -> "1";
            case BIGINT -> "1L";
            case FLOAT -> "1.0F";
            case DOUBLE -> "1.0D";
            case DECIMAL -> "1.0BD";
            case STRING -> "'a'";
            case BINARY -> "X'61'";
            case DATE -> "DATE'2020-01-01'";
            case TIMESTAMP -> "TIMESTAMP'2020-01-01 00:00:00'";
        };
        return Expr.leaf(kind, text);
    }
}
