package sluice.engine.expr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.lex.Lexer;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;
import sluice.engine.expr.parse.Ast.BinaryOp;

/**
 * Recursive-descent parser for Spark SQL expressions, with Spark's precedence: OR, AND, NOT, predicates (IS, IN,
 * BETWEEN, LIKE), comparisons, {@code + - ||}, {@code * / % DIV}, unary minus, postfix {@code .field} and
 * {@code [i]}. Mutable, one text only.
 */
public final class Parser {
    private static final ErrorCode SYNTAX = ErrorCode.EXPRESSION_SYNTAX;
    // Words that end an expression, so "a b" may read as an alias but "a AND b" never does.
    private static final List<String> RESERVED = List.of("AND", "OR", "NOT", "AS", "IS", "IN", "BETWEEN", "LIKE",
            "RLIKE", "REGEXP", "CASE", "WHEN", "THEN", "ELSE", "END", "FROM", "DIV", "ESCAPE", "NULL", "TRUE", "FALSE");

    private final TokenCursor cursor;
    private final SourceText source;

    public Parser(SourceText source) {
        this.source = source;
        this.cursor = new TokenCursor(new Lexer(source, SYNTAX).tokenize(), source, SYNTAX);
    }

    /** One expression with an optional alias ({@code expr AS alias} or {@code expr alias}), then end of input. */
    public NamedAst parseNamed() {
        Ast expression = parseExpression();
        String alias = null;
        if (cursor.acceptKeyword("AS")) {
            alias = cursor.expectIdentifier("an alias").text();
        } else if (cursor.peek().kind() == TokenKind.QUOTED_IDENTIFIER
                || (cursor.peek().kind() == TokenKind.IDENTIFIER && !isReserved(cursor.peek()))) {
            alias = cursor.advance().text();
        }
        expectEnd();
        return new NamedAst(expression, alias);
    }

    /** One expression, then end of input. */
    public Ast parseOnly() {
        Ast expression = parseExpression();
        expectEnd();
        return expression;
    }

    private void expectEnd() {
        if (!cursor.at(TokenKind.END_OF_INPUT)) {
            throw cursor.unexpected("end of input");
        }
    }

    private static boolean isReserved(Token token) {
        return RESERVED.contains(token.text().toUpperCase(Locale.ROOT));
    }

    public Ast parseExpression() {
        return parseOr();
    }

    private Ast parseOr() {
        Ast left = parseAnd();
        while (cursor.acceptKeyword("OR")) {
            Ast right = parseAnd();
            left = new Ast.Binary(BinaryOp.OR, left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Ast parseAnd() {
        Ast left = parseNot();
        while (cursor.acceptKeyword("AND")) {
            Ast right = parseNot();
            left = new Ast.Binary(BinaryOp.AND, left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Ast parseNot() {
        if (cursor.atKeyword("NOT") || cursor.at(TokenKind.BANG)) {
            Token not = cursor.advance();
            Ast operand = parseNot();
            return new Ast.Unary(Ast.UnaryOp.NOT, operand, not.span().to(operand.span()));
        }
        return parsePredicate();
    }

    private Ast parsePredicate() {
        Ast value = parseComparison();
        while (true) {
            if (cursor.atKeyword("IS")) {
                cursor.advance();
                boolean negated = cursor.acceptKeyword("NOT");
                Token nullToken = cursor.expectKeyword("NULL");
                value = new Ast.IsNull(value, negated, value.span().to(nullToken.span()));
                continue;
            }
            boolean negated = false;
            if (cursor.atKeyword("NOT") && isPredicateWord(cursor.peek(1))) {
                cursor.advance();
                negated = true;
            }
            if (cursor.acceptKeyword("IN")) {
                value = parseInList(value, negated);
            } else if (cursor.acceptKeyword("BETWEEN")) {
                Ast low = parseComparison();
                cursor.expectKeyword("AND");
                Ast high = parseComparison();
                value = new Ast.Between(value, low, high, negated, value.span().to(high.span()));
            } else if (cursor.atKeyword("LIKE") || cursor.atKeyword("RLIKE") || cursor.atKeyword("REGEXP")) {
                value = parseLike(value, negated);
            } else {
                return value;
            }
        }
    }

    private static boolean isPredicateWord(Token token) {
        return token.isKeyword("IN") || token.isKeyword("BETWEEN") || token.isKeyword("LIKE")
                || token.isKeyword("RLIKE") || token.isKeyword("REGEXP");
    }

    private Ast parseInList(Ast value, boolean negated) {
        cursor.expect(TokenKind.LEFT_PAREN, "'('");
        List<Ast> list = new ArrayList<>();
        do {
            list.add(parseExpression());
        } while (cursor.accept(TokenKind.COMMA));
        Token close = cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        return new Ast.In(value, list, negated, value.span().to(close.span()));
    }

    private Ast parseLike(Ast value, boolean negated) {
        boolean regex = !cursor.advance().isKeyword("LIKE");
        Ast pattern = parseComparison();
        Span span = value.span().to(pattern.span());
        Character escape = null;
        if (!regex && cursor.acceptKeyword("ESCAPE")) {
            Token escapeToken = cursor.expect(TokenKind.STRING, "an escape character string");
            if (escapeToken.text().length() != 1) {
                throw source.error(SYNTAX, escapeToken.span(), "the escape string must be one character");
            }
            escape = escapeToken.text().charAt(0);
            span = span.to(escapeToken.span());
        }
        return new Ast.Like(value, pattern, escape, regex, negated, span);
    }

    private Ast parseComparison() {
        Ast left = parseAdditive();
        while (true) {
            BinaryOp op = switch (cursor.peek().kind()) {
                case EQ, DOUBLE_EQ -> BinaryOp.EQ;
                case NOT_EQ -> BinaryOp.NOT_EQ;
                case NULL_SAFE_EQ -> BinaryOp.NULL_SAFE_EQ;
                case LT -> BinaryOp.LT;
                case LE -> BinaryOp.LE;
                case GT -> BinaryOp.GT;
                case GE -> BinaryOp.GE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            cursor.advance();
            Ast right = parseAdditive();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    private Ast parseAdditive() {
        Ast left = parseMultiplicative();
        while (true) {
            BinaryOp op = switch (cursor.peek().kind()) {
                case PLUS -> BinaryOp.ADD;
                case MINUS -> BinaryOp.SUBTRACT;
                case CONCAT -> BinaryOp.CONCAT;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            cursor.advance();
            Ast right = parseMultiplicative();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    private Ast parseMultiplicative() {
        Ast left = parseUnary();
        while (true) {
            BinaryOp op = switch (cursor.peek().kind()) {
                case STAR -> BinaryOp.MULTIPLY;
                case SLASH -> BinaryOp.DIVIDE;
                case PERCENT -> BinaryOp.REMAINDER;
                default -> cursor.atKeyword("DIV") ? BinaryOp.DIV : null;
            };
            if (op == null) {
                return left;
            }
            cursor.advance();
            Ast right = parseUnary();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    private Ast parseUnary() {
        if (cursor.at(TokenKind.MINUS) || cursor.at(TokenKind.PLUS)) {
            Token sign = cursor.advance();
            boolean minus = sign.kind() == TokenKind.MINUS;
            Ast operand = parseUnary();
            Span span = sign.span().to(operand.span());
            // Spark's grammar reads "-1" as one negative literal, so -2147483648 is an INT.
            if (minus && operand instanceof Ast.Literal literal && isNumber(literal.kind())
                    && !literal.text().startsWith("-")) {
                return new Ast.Literal(literal.kind(), "-" + literal.text(), span);
            }
            return new Ast.Unary(minus ? Ast.UnaryOp.NEGATE : Ast.UnaryOp.PLUS, operand, span);
        }
        return parsePostfix(new Primaries(cursor, this).parse());
    }

    private static boolean isNumber(Ast.LiteralKind kind) {
        return kind != Ast.LiteralKind.STRING && kind != Ast.LiteralKind.BOOLEAN && kind != Ast.LiteralKind.NULL;
    }

    private Ast parsePostfix(Ast base) {
        while (true) {
            if (cursor.at(TokenKind.DOT)) {
                cursor.advance();
                Token field = cursor.expectIdentifier("a field name");
                base = new Ast.FieldAccess(base, field.text(), base.span().to(field.span()));
            } else if (cursor.at(TokenKind.LEFT_BRACKET)) {
                cursor.advance();
                Ast index = parseExpression();
                Token close = cursor.expect(TokenKind.RIGHT_BRACKET, "']'");
                base = new Ast.Subscript(base, index, base.span().to(close.span()));
            } else {
                return base;
            }
        }
    }
}
