package sluice.engine.expr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;
import sluice.engine.types.DataType;

/** The atoms of an expression: literals, names, calls, CASE, CAST and parenthesised expressions. One use. */
final class Primaries {
    private final TokenCursor cursor;
    private final Parser parser;

    Primaries(TokenCursor cursor, Parser parser) {
        this.cursor = cursor;
        this.parser = parser;
    }

    Ast parse() {
        Token token = cursor.peek();
        switch (token.kind()) {
            case INTEGER, BIGINT, TINYINT, SMALLINT, DECIMAL, DOUBLE, FLOAT, BIG_DECIMAL -> {
                cursor.advance();
                return new Ast.Literal(Ast.LiteralKind.valueOf(token.kind().name()), token.text(), token.span());
            }
            case STRING -> {
                return string();
            }
            case LEFT_PAREN -> {
                cursor.advance();
                Ast inner = parser.parseParenthesized();
                if (cursor.at(TokenKind.COMMA) || inner instanceof Ast.Alias) {
                    return rowConstructor(token, inner);
                }
                cursor.expect(TokenKind.RIGHT_PAREN, "')'");
                return inner;
            }
            case STAR -> {
                cursor.advance();
                return new Ast.Star(token.span());
            }
            case QUOTED_IDENTIFIER -> {
                cursor.advance();
                return new Ast.ColumnRef(token.text(), token.span());
            }
            case IDENTIFIER -> {
                return word(token);
            }
            default -> throw cursor.unexpected("an expression");
        }
    }

    /**
     * Spark's row constructor {@code (a, b AS name, ...)}: a struct of two or more values, the same as
     * {@code struct(a, b AS name, ...)}, fields named as struct names them.
     */
    private Ast rowConstructor(Token open, Ast first) {
        List<Ast> values = new ArrayList<>();
        values.add(first);
        cursor.expect(TokenKind.COMMA, "','");
        do {
            values.add(parser.parseNamedArgument());
        } while (cursor.accept(TokenKind.COMMA));
        Token close = cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        return new Ast.Call(Ast.Call.ROW_CONSTRUCTOR, values, open.span(), open.span().to(close.span()));
    }

    // Spark joins adjacent string literals: 'a' 'b' is 'ab'.
    private Ast string() {
        Token first = cursor.advance();
        StringBuilder value = new StringBuilder(first.text());
        Span span = first.span();
        while (cursor.at(TokenKind.STRING)) {
            Token next = cursor.advance();
            value.append(next.text());
            span = span.to(next.span());
        }
        return new Ast.Literal(Ast.LiteralKind.STRING, value.toString(), span);
    }

    private Ast word(Token token) {
        String upper = token.text().toUpperCase(Locale.ROOT);
        boolean call = cursor.peek(1).kind() == TokenKind.LEFT_PAREN;
        if (!call) {
            switch (upper) {
                case "TRUE", "FALSE" -> {
                    cursor.advance();
                    return new Ast.Literal(Ast.LiteralKind.BOOLEAN, upper.toLowerCase(Locale.ROOT), token.span());
                }
                case "NULL" -> {
                    cursor.advance();
                    return new Ast.Literal(Ast.LiteralKind.NULL, "NULL", token.span());
                }
                case "DATE", "TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ", "X" -> {
                    if (cursor.peek(1).kind() == TokenKind.STRING) {
                        cursor.advance();
                        Token value = cursor.advance();
                        String type = upper.equals("TIMESTAMP_LTZ") ? "TIMESTAMP" : upper;
                        return new Ast.TypedLiteral(type, value.text(), token.span().to(value.span()));
                    }
                }
                case "INTERVAL" -> {
                    return interval();
                }
                case "CASE" -> {
                    return caseWhen();
                }
                case "CURRENT_DATE", "CURRENT_TIMESTAMP" -> {
                    cursor.advance();
                    return new Ast.Call(token.text(), List.of(), token.span(), token.span());
                }
                case "CURRENT_USER", "SESSION_USER" -> {
                    // Spark reads both bare words as current_user().
                    cursor.advance();
                    return new Ast.Call("current_user", List.of(), token.span(), token.span());
                }
                default -> {
                }
            }
            cursor.advance();
            return new Ast.ColumnRef(token.text(), token.span());
        }
        if (upper.equals("CAST") || upper.equals("TRY_CAST")) {
            return cast(upper.equals("TRY_CAST"));
        }
        return call();
    }

    private Ast call() {
        Token name = cursor.advance();
        cursor.expect(TokenKind.LEFT_PAREN, "'('");
        String[] renamed = {name.text()};
        List<Ast> args = new KeywordCalls(cursor, parser).arguments(name.text(), renamed);
        Token close = cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        return new Ast.Call(renamed[0], args, name.span(), name.span().to(close.span()));
    }

    private Ast cast(boolean isTry) {
        Token name = cursor.advance();
        cursor.expect(TokenKind.LEFT_PAREN, "'('");
        Ast operand = parser.parseExpression();
        cursor.expectKeyword("AS");
        DataType target = new TypeParser(cursor).parseType();
        Token close = cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        return new Ast.Cast(operand, target, isTry, name.span().to(close.span()));
    }

    private Ast caseWhen() {
        Token start = cursor.advance();
        Ast operand = cursor.atKeyword("WHEN") ? null : parser.parseExpression();
        List<Ast.When> whens = new ArrayList<>();
        while (cursor.acceptKeyword("WHEN")) {
            Ast condition = parser.parseExpression();
            cursor.expectKeyword("THEN");
            whens.add(new Ast.When(condition, parser.parseExpression()));
        }
        if (whens.isEmpty()) {
            throw cursor.unexpected("WHEN");
        }
        Ast otherwise = cursor.acceptKeyword("ELSE") ? parser.parseExpression() : null;
        Token end = cursor.expectKeyword("END");
        return new Ast.Case(operand, whens, otherwise, start.span().to(end.span()));
    }

    private Ast interval() {
        Token start = cursor.advance();
        List<Ast.IntervalPart> parts = new ArrayList<>();
        Span span = start.span();
        while (true) {
            // A minus after a part belongs to the literal only when a value follows: INTERVAL 1 YEAR - INTERVAL ...
            // subtracts.
            TokenKind next = cursor.peek(1).kind();
            boolean signed = cursor.at(TokenKind.MINUS) && (parts.isEmpty() || next == TokenKind.INTEGER
                    || next == TokenKind.DECIMAL || next == TokenKind.STRING);
            Token sign = signed ? cursor.advance() : null;
            Token value = cursor.peek();
            boolean isNumber = value.kind() == TokenKind.INTEGER || value.kind() == TokenKind.DECIMAL;
            if (!isNumber && value.kind() != TokenKind.STRING) {
                if (parts.isEmpty() || sign != null) {
                    throw cursor.unexpected("an interval value");
                }
                return new Ast.IntervalLiteral(parts, span);
            }
            cursor.advance();
            String text = (sign == null ? "" : "-") + value.text();
            Span partSpan = (sign == null ? value.span() : sign.span()).to(value.span());
            String unit = null;
            String toUnit = null;
            if (cursor.peek().kind() == TokenKind.IDENTIFIER && IntervalUnits.isUnit(cursor.peek().text())) {
                Token unitToken = cursor.advance();
                unit = unitToken.text();
                partSpan = partSpan.to(unitToken.span());
                if (cursor.atKeyword("TO") && cursor.peek(1).kind() == TokenKind.IDENTIFIER
                        && IntervalUnits.isUnit(cursor.peek(1).text())) {
                    cursor.advance();
                    Token toToken = cursor.advance();
                    toUnit = toToken.text();
                    partSpan = partSpan.to(toToken.span());
                }
            } else if (isNumber) {
                throw cursor.unexpected("an interval unit");
            }
            parts.add(new Ast.IntervalPart(text, unit, toUnit, partSpan));
            span = span.to(partSpan);
        }
    }
}
