package sluice.engine.expr;

import sluice.engine.diag.Position;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;

/** Placeholder until the expression engine lands. */
public final class SchemaParser {
    private SchemaParser() {
    }

    public static Schema parse(String ddl, Position where) {
        throw new UnsupportedOperationException("schemas are not implemented yet");
    }

    public static DataType parseType(String text, Position where) {
        throw new UnsupportedOperationException("schemas are not implemented yet");
    }
}
