package sluice.engine.expr;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.expr.lex.Lexer;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;
import sluice.engine.expr.parse.TokenCursor;
import sluice.engine.expr.parse.TypeParser;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/** Reads Spark DDL schemas ({@code Date DATE, Close DOUBLE, Name STRING}) and type names. Stateless. */
public final class SchemaParser {
    private SchemaParser() {
    }

    /** A schema from DDL; problems (code SCHEMA_SYNTAX) are at {@code where} with a line and column in the text. */
    public static Schema parse(String ddl, Position where) {
        TokenCursor cursor = cursor(ddl, where);
        TypeParser types = new TypeParser(cursor);
        List<Field> fields = new ArrayList<>();
        if (cursor.at(TokenKind.END_OF_INPUT)) {
            throw cursor.unexpected("a field name");
        }
        List<String> seen = new ArrayList<>();
        do {
            Token name = cursor.peek();
            Field field = types.parseField(true);
            String lower = field.name().toLowerCase(java.util.Locale.ROOT);
            if (seen.contains(lower)) {
                throw cursor.source().error(ErrorCode.SCHEMA_SYNTAX, name.span(),
                        "duplicate field name '%s'", field.name());
            }
            seen.add(lower);
            fields.add(field);
        } while (cursor.accept(TokenKind.COMMA));
        if (!cursor.at(TokenKind.END_OF_INPUT)) {
            throw cursor.unexpected("',' or end of input");
        }
        return new Schema(fields);
    }

    /** One data type such as {@code DECIMAL(10,2)} or {@code ARRAY<STRING>}. */
    public static DataType parseType(String text, Position where) {
        TokenCursor cursor = cursor(text, where);
        DataType type = new TypeParser(cursor).parseType();
        if (!cursor.at(TokenKind.END_OF_INPUT)) {
            throw cursor.unexpected("end of input");
        }
        return type;
    }

    private static TokenCursor cursor(String text, Position where) {
        SourceText source = new SourceText(text, where);
        return new TokenCursor(new Lexer(source, ErrorCode.SCHEMA_SYNTAX).tokenize(), source, ErrorCode.SCHEMA_SYNTAX);
    }
}
