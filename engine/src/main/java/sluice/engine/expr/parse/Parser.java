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
import sluice.engine.types.DataType;

/**
 * Recursive-descent parser for Spark SQL expressions, with Spark's precedence: OR, AND, NOT, predicates (IS, IN,
 * BETWEEN, LIKE, ILIKE), comparisons, {@code |}, {@code ^}, {@code &}, shifts, {@code + - ||}, {@code * / % DIV},
 * unary minus, plus and {@code ~}, postfix {@code .field}, {@code [i]} and {@code ::type}. Mutable, one text only.
 */
public final class Parser {
    /**
     * How deeply an expression may nest (see {@link Nesting}). Spark 4.1's parser, on a default 1 MB thread stack in
     * a fresh JVM, gives up between 200 and 256 nested calls and at about 310 nested parentheses, its costliest forms;
     * Sluice's parser needs about a third of a 1 MB stack at this depth.
     */
    public static final int MAX_NESTING = 100;

    static final ErrorCode SYNTAX = ErrorCode.EXPRESSION_SYNTAX;
    // Words that end an expression, so "a b" may read as an alias but "a AND b" never does.
    private static final List<String> RESERVED = List.of("AND", "OR", "NOT", "AS", "IS", "IN", "BETWEEN", "LIKE",
            "RLIKE", "REGEXP", "CASE", "WHEN", "THEN", "ELSE", "END", "FROM", "DIV", "ESCAPE", "NULL", "TRUE", "FALSE");

    private final TokenCursor cursor;
    private final SourceText source;
    private final Nesting nesting;

    public Parser(SourceText source) {
        this.source = source;
        this.cursor = new TokenCursor(new Lexer(source, SYNTAX).tokenize(), source, SYNTAX);
        this.nesting = new Nesting(source);
    }

    /** One expression with an optional alias ({@code expr AS alias} or {@code expr alias}), then end of input. */
    public NamedAst parseNamed() {
        Ast expression = parseWhole();
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

    /** An argument of {@code struct(...)}: an expression with an optional alias, as in a select list. */
    Ast parseNamedArgument() {
        Ast expression = parseExpression();
        Token alias = null;
        if (cursor.acceptKeyword("AS")) {
            alias = cursor.expectIdentifier("an alias");
        } else if (cursor.peek().kind() == TokenKind.QUOTED_IDENTIFIER
                || (cursor.peek().kind() == TokenKind.IDENTIFIER && !isReserved(cursor.peek()))) {
            alias = cursor.advance();
        }
        return alias == null ? expression
                : new Ast.Alias(expression, alias.text(), expression.span().to(alias.span()));
    }

    /** One expression, then end of input. */
    public Ast parseOnly() {
        Ast expression = parseWhole();
        expectEnd();
        return expression;
    }

    private Ast parseWhole() {
        if (cursor.at(TokenKind.END_OF_INPUT) && source.text().isBlank()) {
            throw source.error(SYNTAX, cursor.peek().span(), "the expression is empty");
        }
        Ast expression = parseExpression();
        nesting.check(expression);
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

    /** One expression, at any level: every nested one (in parentheses, arguments, CASE) comes through here. */
    public Ast parseExpression() {
        nesting.enter(cursor.peek().span());
        Ast expression = parseOr();
        nesting.leave();
        return expression;
    }

    /** Spark's valueExpression: an operand up to comparisons, without NOT, IN, BETWEEN, LIKE or IS. */
    Ast parseValueExpression() {
        nesting.enter(cursor.peek().span());
        Ast expression = parseComparison();
        nesting.leave();
        return expression;
    }

    /** {@code a} in parentheses: the same node, one level deeper. */
    Ast parseParenthesized() {
        Ast inner = parseExpression();
        nesting.parenthesized(inner);
        return inner;
    }

    private Ast parseOr() {
        List<Ast> operands = new ArrayList<>();
        operands.add(parseAnd());
        while (cursor.acceptKeyword("OR")) {
            operands.add(parseAnd());
        }
        return balanced(BinaryOp.OR, operands, 0, operands.size() - 1);
    }

    private Ast parseAnd() {
        List<Ast> operands = new ArrayList<>();
        operands.add(parseNot());
        while (cursor.acceptKeyword("AND")) {
            operands.add(parseNot());
        }
        return balanced(BinaryOp.AND, operands, 0, operands.size() - 1);
    }

    /**
     * Spark's parser joins a chain of ANDs (or ORs) into a balanced tree, not a left-deep one: {@code a AND b AND c
     * AND d AND e} is {@code (((a AND b) AND c) AND (d AND e))}, which is also its generated column name.
     */
    private static Ast balanced(BinaryOp op, List<Ast> operands, int low, int high) {
        if (low == high) {
            return operands.get(low);
        }
        int middle = low + (high - low) / 2;
        Ast left = balanced(op, operands, low, middle);
        Ast right = balanced(op, operands, middle + 1, high);
        return new Ast.Binary(op, left, right, left.span().to(right.span()));
    }

    private Ast parseNot() {
        if (cursor.atKeyword("NOT") || cursor.at(TokenKind.BANG)) {
            Token not = cursor.advance();
            nesting.enter(not.span());
            Ast operand = parseNot();
            nesting.leave();
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
            } else if (cursor.atKeyword("ILIKE")) {
                value = parseIlike(value, negated);
            } else {
                return value;
            }
        }
    }

    private static boolean isPredicateWord(Token token) {
        return token.isKeyword("IN") || token.isKeyword("BETWEEN") || token.isKeyword("LIKE")
                || token.isKeyword("ILIKE") || token.isKeyword("RLIKE") || token.isKeyword("REGEXP");
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

    /** {@code a [NOT] ILIKE b [ESCAPE c]}: Spark's ilike(a, b[, c]), which the analyzer types as a function. */
    private Ast parseIlike(Ast value, boolean negated) {
        Token word = cursor.advance();
        Ast pattern = parseComparison();
        List<Ast> args = new ArrayList<>(List.of(value, pattern));
        if (cursor.acceptKeyword("ESCAPE")) {
            Token escape = cursor.expect(TokenKind.STRING, "an escape character string");
            args.add(new Ast.Literal(Ast.LiteralKind.STRING, escape.text(), escape.span()));
        }
        Span span = value.span().to(cursor.previous().span());
        Ast ilike = new Ast.Call("ilike", args, word.span(), span);
        return negated ? new Ast.Unary(Ast.UnaryOp.NOT, ilike, span) : ilike;
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
        Ast left = parseBitOr();
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
            Ast right = parseBitOr();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    // Spark's precedence below comparisons: |, then ^, then &, then the shifts, then + - ||.
    private Ast parseBitOr() {
        Ast left = parseBitXor();
        while (cursor.at(TokenKind.PIPE)) {
            cursor.advance();
            Ast right = parseBitXor();
            left = new Ast.Binary(BinaryOp.BIT_OR, left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Ast parseBitXor() {
        Ast left = parseBitAnd();
        while (cursor.at(TokenKind.HAT)) {
            cursor.advance();
            Ast right = parseBitAnd();
            left = new Ast.Binary(BinaryOp.BIT_XOR, left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Ast parseBitAnd() {
        Ast left = parseShift();
        while (cursor.at(TokenKind.AMPERSAND)) {
            cursor.advance();
            Ast right = parseShift();
            left = new Ast.Binary(BinaryOp.BIT_AND, left, right, left.span().to(right.span()));
        }
        return left;
    }

    /**
     * {@code <<}, {@code >>} and {@code >>>}: the lexer keeps each {@code <} and {@code >} a token of its own, since
     * {@code >>} also closes nested types ({@code ARRAY<ARRAY<INT>>}); here two or three touching ones are a shift.
     */
    private Ast parseShift() {
        Ast left = parseAdditive();
        while (true) {
            BinaryOp op = shiftAhead();
            if (op == null) {
                return left;
            }
            int width = op == BinaryOp.SHIFT_RIGHT_UNSIGNED ? 3 : 2;
            for (int i = 0; i < width; i++) {
                cursor.advance();
            }
            Ast right = parseAdditive();
            left = new Ast.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    private BinaryOp shiftAhead() {
        Token first = cursor.peek();
        Token second = cursor.peek(1);
        boolean touching = second.span().start() == first.span().end();
        if (first.kind() == TokenKind.LT && second.kind() == TokenKind.LT && touching) {
            return BinaryOp.SHIFT_LEFT;
        }
        if (first.kind() != TokenKind.GT || second.kind() != TokenKind.GT || !touching) {
            return null;
        }
        Token third = cursor.peek(2);
        return third.kind() == TokenKind.GT && third.span().start() == second.span().end()
                ? BinaryOp.SHIFT_RIGHT_UNSIGNED : BinaryOp.SHIFT_RIGHT;
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
        if (cursor.at(TokenKind.MINUS) && isNumber(cursor.peek(1))) {
            // Spark's grammar reads "-1" as one negative literal (so -2147483648 is an INT), and "-1::STRING" as
            // the cast of that literal.
            Token sign = cursor.advance();
            Token number = cursor.advance();
            return parsePostfix(new Ast.Literal(Ast.LiteralKind.valueOf(number.kind().name()), "-" + number.text(),
                    sign.span().to(number.span())));
        }
        if (cursor.at(TokenKind.MINUS) || cursor.at(TokenKind.PLUS) || cursor.at(TokenKind.TILDE)) {
            Token sign = cursor.advance();
            nesting.enter(sign.span());
            Ast operand = parseUnary();
            nesting.leave();
            Ast.UnaryOp op = sign.kind() == TokenKind.MINUS ? Ast.UnaryOp.NEGATE
                    : sign.kind() == TokenKind.TILDE ? Ast.UnaryOp.BIT_NOT : Ast.UnaryOp.PLUS;
            return new Ast.Unary(op, operand, sign.span().to(operand.span()));
        }
        return parsePostfix(new Primaries(cursor, this).parse());
    }

    private static boolean isNumber(Token token) {
        return switch (token.kind()) {
            case INTEGER, TINYINT, SMALLINT, BIGINT, DECIMAL, DOUBLE, FLOAT, BIG_DECIMAL -> true;
            default -> false;
        };
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
            } else if (cursor.at(TokenKind.DOUBLE_COLON)) {
                cursor.advance();
                Token typeStart = cursor.peek();
                DataType target = new TypeParser(cursor).parseType();
                Span typeSpan = typeStart.span().to(cursor.previous().span());
                base = new Ast.Cast(base, target, false, base.span().to(typeSpan));
            } else {
                return base;
            }
        }
    }
}
