package sluice.engine.expr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.IntervalField;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.StructType;

/**
 * Reads a Spark data type ({@code DECIMAL(10,2)}, {@code ARRAY<STRING>}, {@code MAP<STRING, INT>},
 * {@code STRUCT<a: INT>}) from a cursor.
 * Mutable (its nesting depth), one type at a time.
 */
public final class TypeParser {
    private final TokenCursor cursor;
    private int depth;

    public TypeParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** One type; types nest at most {@link Parser#MAX_NESTING} levels, as expressions do. */
    public DataType parseType() {
        Token name = cursor.peek();
        if (name.kind() != TokenKind.IDENTIFIER) {
            throw cursor.unexpected("a data type");
        }
        if (++depth > Parser.MAX_NESTING) {
            throw cursor.source().error(cursor.syntaxCode(), name.span(),
                    "the type nests more than %d levels deep", Parser.MAX_NESTING);
        }
        DataType type = parseNamedType(name);
        depth--;
        return type;
    }

    private DataType parseNamedType(Token name) {
        cursor.advance();
        String word = name.text().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "BOOLEAN" -> AtomicType.BOOLEAN;
            case "TINYINT", "BYTE" -> AtomicType.TINYINT;
            case "SMALLINT", "SHORT" -> AtomicType.SMALLINT;
            case "INT", "INTEGER" -> AtomicType.INT;
            case "BIGINT", "LONG" -> AtomicType.BIGINT;
            case "FLOAT", "REAL" -> AtomicType.FLOAT;
            case "DOUBLE" -> AtomicType.DOUBLE;
            case "STRING" -> AtomicType.STRING;
            case "BINARY" -> AtomicType.BINARY;
            case "VARCHAR", "CHAR", "CHARACTER" -> lengthThenString();
            case "DATE" -> AtomicType.DATE;
            case "TIMESTAMP", "TIMESTAMP_LTZ" -> AtomicType.TIMESTAMP;
            case "TIMESTAMP_NTZ" -> AtomicType.TIMESTAMP_NTZ;
            case "DECIMAL", "DEC", "NUMERIC" -> decimal();
            case "ARRAY" -> array();
            case "MAP" -> map();
            case "STRUCT" -> struct();
            case "INTERVAL" -> interval();
            default -> throw cursor.source().error(cursor.syntaxCode(), name.span(),
                    "unsupported data type '%s'", name.text());
        };
    }

    // Spark reads VARCHAR(n) and CHAR(n) as STRING in schemas of files and streams.
    private DataType lengthThenString() {
        if (cursor.accept(TokenKind.LEFT_PAREN)) {
            cursor.expect(TokenKind.INTEGER, "a length");
            cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        }
        return AtomicType.STRING;
    }

    private DataType decimal() {
        if (!cursor.accept(TokenKind.LEFT_PAREN)) {
            return DecimalType.USER_DEFAULT;
        }
        Token precisionToken = cursor.expect(TokenKind.INTEGER, "a precision");
        int scale = 0;
        Token scaleToken = null;
        if (cursor.accept(TokenKind.COMMA)) {
            scaleToken = cursor.expect(TokenKind.INTEGER, "a scale");
            scale = smallInt(scaleToken);
        }
        cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        int precision = smallInt(precisionToken);
        if (precision < 1 || precision > DecimalType.MAX_PRECISION) {
            throw cursor.source().error(cursor.syntaxCode(), precisionToken.span(),
                    "decimal precision %d is out of range; it must be between 1 and 38", precision);
        }
        if (scale > precision) {
            throw cursor.source().error(cursor.syntaxCode(), scaleToken.span(),
                    "decimal scale %d exceeds the precision %d", scale, precision);
        }
        return new DecimalType(precision, scale);
    }

    private static int smallInt(Token token) {
        return token.text().length() > 3 ? 999 : Integer.parseInt(token.text());
    }

    private DataType array() {
        cursor.expect(TokenKind.LT, "'<'");
        DataType element = parseType();
        expectClosingAngle();
        return new ArrayType(element, true);
    }

    private DataType map() {
        cursor.expect(TokenKind.LT, "'<'");
        DataType key = parseType();
        cursor.expect(TokenKind.COMMA, "','");
        DataType value = parseType();
        expectClosingAngle();
        return MapType.of(key, value);
    }

    private DataType struct() {
        cursor.expect(TokenKind.LT, "'<'");
        List<Field> fields = new ArrayList<>();
        if (!atClosingAngle()) {
            do {
                fields.add(parseField(true));
            } while (cursor.accept(TokenKind.COMMA));
        }
        expectClosingAngle();
        return new StructType(fields);
    }

    /**
     * Spark's ANSI interval types: {@code INTERVAL YEAR [TO MONTH]}, {@code INTERVAL MONTH}, {@code INTERVAL DAY
     * [TO HOUR|MINUTE|SECOND]}, {@code INTERVAL HOUR [TO MINUTE|SECOND]}, {@code INTERVAL MINUTE [TO SECOND]},
     * {@code INTERVAL SECOND}.
     */
    private DataType interval() {
        Token startToken = cursor.peek();
        IntervalField start = intervalField(startToken);
        if (start == null) {
            throw cursor.unexpected("YEAR, MONTH, DAY, HOUR, MINUTE or SECOND");
        }
        cursor.advance();
        IntervalField end = start;
        if (cursor.acceptKeyword("TO")) {
            Token endToken = cursor.peek();
            end = intervalField(endToken);
            if (end == null || end.isYearMonth() != start.isYearMonth() || end.compareTo(start) <= 0) {
                throw cursor.source().error(cursor.syntaxCode(), endToken.span(),
                        "unsupported data type 'INTERVAL %s TO %s'", startToken.text(), endToken.text());
            }
            cursor.advance();
        }
        return AtomicType.interval(start, end);
    }

    private static IntervalField intervalField(Token token) {
        if (token.kind() != TokenKind.IDENTIFIER) {
            return null;
        }
        try {
            return IntervalField.valueOf(token.text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code name [:] TYPE [NOT NULL] [COMMENT '...']}; the colon is allowed inside STRUCT only. */
    public Field parseField(boolean colonAllowed) {
        Token name = cursor.expectIdentifier("a field name");
        if (colonAllowed) {
            cursor.accept(TokenKind.COLON);
        }
        DataType type = parseType();
        boolean nullable = true;
        if (cursor.atKeyword("NOT")) {
            cursor.advance();
            cursor.expectKeyword("NULL");
            nullable = false;
        }
        if (cursor.acceptKeyword("COMMENT")) {
            cursor.expect(TokenKind.STRING, "a comment string");
        }
        return new Field(name.text(), type, nullable);
    }

    // ">>" never forms one token here: the lexer has no shift operators, so nested types close one at a time.
    private boolean atClosingAngle() {
        return cursor.at(TokenKind.GT);
    }

    private void expectClosingAngle() {
        cursor.expect(TokenKind.GT, "'>'");
    }
}
