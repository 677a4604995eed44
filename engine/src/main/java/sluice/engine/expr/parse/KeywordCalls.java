package sluice.engine.expr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sluice.engine.expr.lex.Token;
import sluice.engine.expr.lex.TokenKind;

/**
 * The calls Spark's grammar writes with keywords between the arguments, read into the plain call Spark makes of them:
 * {@code trim([BOTH | LEADING | TRAILING] [chars] FROM str)} is {@code trim}, {@code ltrim} or {@code rtrim} of
 * (chars, str); {@code substring(str FROM pos [FOR len])} is substring, {@code position(substr IN str)} locate,
 * {@code overlay(input PLACING replace FROM pos [FOR len])} overlay, and {@code extract(field FROM source)} extract of
 * the field's name as text and the source, with the arguments in that order. One use.
 */
final class KeywordCalls {
    private final TokenCursor cursor;
    private final Parser parser;
    /** Whether the arguments were written with FROM, which for substr makes the call Spark's substring. */
    private boolean fromSeen;

    KeywordCalls(TokenCursor cursor, Parser parser) {
        this.cursor = cursor;
        this.parser = parser;
    }

    /**
     * The arguments of the call named {@code name} whose opening parenthesis was just read, up to and without the
     * closing one; {@code renamed[0]} receives another function name when the keywords choose one (ltrim, rtrim).
     */
    List<Ast> arguments(String name, String[] renamed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trim" -> trim(renamed);
            case "substring", "substr" -> substring(renamed);
            case "overlay" -> overlay();
            case "position" -> position(renamed);
            case "struct" -> named();
            case "extract" -> extract();
            default -> plain(name);
        };
    }

    /** Plain arguments, some perhaps named ({@code param => value}), which are put in their places. */
    private List<Ast> plain(String function) {
        List<Ast> args = new ArrayList<>();
        List<NamedArguments.Name> names = new ArrayList<>();
        if (!cursor.at(TokenKind.RIGHT_PAREN)) {
            do {
                Token name = null;
                if (cursor.peek().isIdentifier() && cursor.peek(1).kind() == TokenKind.FAT_ARROW) {
                    name = cursor.advance();
                    cursor.advance();
                }
                int params = lambdaParamsAhead();
                args.add(params < 0 ? parser.parseExpression() : lambda(params));
                names.add(name == null ? null : new NamedArguments.Name(name.text(), name.span()));
            } while (cursor.accept(TokenKind.COMMA));
        }
        if (names.stream().allMatch(java.util.Objects::isNull)) {
            return args;
        }
        return NamedArguments.placed(function, args, names, cursor.source());
    }

    /** How many parameters the lambda starting here has ({@code x ->} or {@code (x, y) ->}), or -1 if none starts. */
    private int lambdaParamsAhead() {
        if (cursor.peek().isIdentifier() && cursor.peek(1).kind() == TokenKind.ARROW) {
            return 1;
        }
        if (!cursor.at(TokenKind.LEFT_PAREN)) {
            return -1;
        }
        int ahead = 1;
        int count = 0;
        while (cursor.peek(ahead).isIdentifier()) {
            count++;
            TokenKind next = cursor.peek(ahead + 1).kind();
            if (next == TokenKind.RIGHT_PAREN) {
                return cursor.peek(ahead + 2).kind() == TokenKind.ARROW ? count : -1;
            }
            if (next != TokenKind.COMMA) {
                return -1;
            }
            ahead += 2;
        }
        return -1;
    }

    private Ast lambda(int count) {
        Token start = cursor.peek();
        boolean parenthesized = cursor.accept(TokenKind.LEFT_PAREN);
        List<String> params = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            params.add(cursor.advance().text());
            if (parenthesized) {
                cursor.accept(TokenKind.COMMA);
            }
        }
        if (parenthesized) {
            cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        }
        cursor.expect(TokenKind.ARROW, "'->'");
        Ast body = parser.parseExpression();
        return new Ast.Lambda(params, body, start.span().to(body.span()));
    }

    // Spark's grammar gives struct(...) named expressions as arguments: struct(a AS x, b) names a field x.
    private List<Ast> named() {
        List<Ast> args = new ArrayList<>();
        if (!cursor.at(TokenKind.RIGHT_PAREN)) {
            do {
                args.add(parser.parseNamedArgument());
            } while (cursor.accept(TokenKind.COMMA));
        }
        return args;
    }

    /**
     * {@code extract(field FROM source)}: Spark's grammar takes the field as an identifier and passes its text, as
     * written, to the extract function as a string literal (so the column is named {@code extract(doy FROM d)}). The
     * source is a value expression. Without FROM the arguments are plain, as in {@code extract('YEAR', ts)}.
     */
    private List<Ast> extract() {
        Token field = cursor.peek();
        if (!field.isIdentifier() || !cursor.peek(1).isKeyword("FROM")) {
            return plain("extract");
        }
        cursor.advance();
        cursor.expectKeyword("FROM");
        Ast.Literal name = new Ast.Literal(Ast.LiteralKind.STRING, field.text(), field.span());
        return List.of(name, parser.parseValueExpression());
    }

    private List<Ast> trim(String[] renamed) {
        String direction = null;
        Token next = cursor.peek(1);
        boolean option = cursor.atKeyword("BOTH") || cursor.atKeyword("LEADING") || cursor.atKeyword("TRAILING");
        if (option && next.kind() != TokenKind.RIGHT_PAREN && next.kind() != TokenKind.COMMA) {
            direction = cursor.advance().text().toUpperCase(Locale.ROOT);
            if (cursor.acceptKeyword("FROM")) {
                renamed[0] = trimName(direction);
                return List.of(parser.parseExpression());
            }
        }
        if (cursor.at(TokenKind.RIGHT_PAREN)) {
            return List.of();
        }
        Ast first = parser.parseExpression();
        if (direction == null && !cursor.atKeyword("FROM")) {
            List<Ast> args = new ArrayList<>(List.of(first));
            while (cursor.accept(TokenKind.COMMA)) {
                args.add(parser.parseExpression());
            }
            return args;
        }
        cursor.expectKeyword("FROM");
        renamed[0] = trimName(direction == null ? "BOTH" : direction);
        return List.of(first, parser.parseExpression());
    }

    private static String trimName(String direction) {
        return switch (direction) {
            case "LEADING" -> "ltrim";
            case "TRAILING" -> "rtrim";
            default -> "trim";
        };
    }

    /** Spark names {@code substr(s FROM p)} substring, as it reads the keyword form as that function. */
    private List<Ast> substring(String[] renamed) {
        List<Ast> args = separated("FROM", "FOR");
        if (fromSeen) {
            renamed[0] = "substring";
        }
        return args;
    }

    /** {@code a FROM b [FOR c]}, or the plain {@code a, b[, c]}. */
    private List<Ast> separated(String from, String forWord) {
        List<Ast> args = new ArrayList<>();
        args.add(parser.parseExpression());
        if (!cursor.acceptKeyword(from)) {
            while (cursor.accept(TokenKind.COMMA)) {
                args.add(parser.parseExpression());
            }
            return args;
        }
        fromSeen = true;
        args.add(parser.parseExpression());
        if (cursor.acceptKeyword(forWord)) {
            args.add(parser.parseExpression());
        }
        return args;
    }

    private List<Ast> overlay() {
        Ast input = parser.parseExpression();
        if (!cursor.acceptKeyword("PLACING")) {
            List<Ast> args = new ArrayList<>(List.of(input));
            while (cursor.accept(TokenKind.COMMA)) {
                args.add(parser.parseExpression());
            }
            return args;
        }
        List<Ast> args = new ArrayList<>(List.of(input));
        args.addAll(separated("FROM", "FOR"));
        return args;
    }

    /**
     * {@code position(substr IN str)}, which Spark names locate: the substring is a value expression, so IN is not
     * read as a predicate.
     */
    private List<Ast> position(String[] renamed) {
        Ast first = parser.parseValueExpression();
        if (cursor.acceptKeyword("IN")) {
            renamed[0] = "locate";
            return List.of(first, parser.parseValueExpression());
        }
        List<Ast> args = new ArrayList<>(List.of(first));
        while (cursor.accept(TokenKind.COMMA)) {
            args.add(parser.parseExpression());
        }
        return args;
    }
}
