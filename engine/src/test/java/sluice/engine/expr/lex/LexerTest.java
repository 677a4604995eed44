package sluice.engine.expr.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;

class LexerTest {
    private static final Position WHERE = Position.option("filter-1", "condition");

    private static List<Token> tokens(String text) {
        return new Lexer(new SourceText(text, WHERE), ErrorCode.EXPRESSION_SYNTAX).tokenize();
    }

    private static Problem problem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> tokens(text)).problem();
    }

    @Test
    void splitsOperatorsNumbersStringsAndQuotedIdentifiers() {
        List<Token> tokens = tokens("a + 1.5e3 'x''y' `q r` -- comment");

        assertThat(tokens).extracting(Token::kind).containsExactly(TokenKind.IDENTIFIER, TokenKind.PLUS,
                TokenKind.DOUBLE, TokenKind.STRING, TokenKind.QUOTED_IDENTIFIER, TokenKind.END_OF_INPUT);
        assertThat(tokens).extracting(Token::text).containsExactly("a", "+", "1.5e3", "x'y", "q r", "");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"42, INTEGER", "42L, BIGINT", "1.5, DECIMAL", "1.5D, DOUBLE", "1e3, DOUBLE", "2F, FLOAT",
            "4.5BD, BIG_DECIMAL"})
    void numberSuffixDecidesTheLiteralKind(String text, TokenKind kind) {
        assertThat(tokens(text).get(0).kind()).isEqualTo(kind);
    }

    @Test
    void tokenSpansAreOffsetsIntoTheText() {
        assertThat(tokens("ab <= c").get(1).span()).isEqualTo(new Span(3, 5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a # b   | 1 | 3 | unexpected character '#'",
        "'abc    | 1 | 1 | unclosed string literal",
        "`abc    | 1 | 1 | unclosed quoted identifier",
        "/* x    | 1 | 1 | unclosed comment; end it with '*/'",
        "a /* /* */ | 1 | 3 | unclosed comment; end it with '*/'",
        "a /*/   | 1 | 3 | unclosed comment; end it with '*/'",
        "/*+ x */ a | 1 | 1 | hints ('/*+') are not allowed here",
        "r'abc   | 1 | 1 | unclosed string literal",
        "'abc\\'  | 1 | 1 | unclosed string literal",
        "a \u001C b | 1 | 3 | unexpected character U+001C",
        "a \u0663   | 1 | 3 | unexpected character '\u0663'",
    })
    void lexicalErrorPointsAtTheOffendingCharacter(String text, int line, int column, String message) {
        Problem problem = problem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.where()).isEqualTo(WHERE.at(line, column));
        assertThat(problem.message()).isEqualTo(message);
    }

    @Test
    void errorOnSecondLineCountsColumnsFromThatLine() {
        Problem problem = problem("a\n  @");

        assertThat(problem.where()).isEqualTo(WHERE.at(2, 3));
        assertThat(problem.message()).isEqualTo("unexpected character '@'");
    }

    static Stream<Arguments> stringLiterals() {
        return Stream.of(
                Arguments.of("'\\u0041'", "A"),
                Arguments.of("'\\101'", "A"),
                Arguments.of("'\\U0001F44D'", "\uD83D\uDC4D"),
                Arguments.of("'\\0777'", "?7"),
                Arguments.of("'\\200'", "200"),
                Arguments.of("'\\18'", "18"),
                Arguments.of("'\\u004'", "u004"),
                Arguments.of("'\\u004g'", "u004g"),
                Arguments.of("'\\x41'", "x41"),
                Arguments.of("'\\a\\\\b\\''", "a\\b'"),
                Arguments.of("'\\\"'", "\""),
                Arguments.of("'\\%\\_'", "\\%\\_"),
                Arguments.of("'a''b'", "a'b"),
                Arguments.of("'a\"\"b'", "a\"\"b"),
                Arguments.of("\"a\"\"b\"", "a\"b"),
                Arguments.of("\"it's\"", "it's"),
                Arguments.of("r'\\n\\t'", "\\n\\t"),
                Arguments.of("R\"a\\\"", "a\\"),
                Arguments.of("'\\n\\t\\r\\b\\0\\Z\\012'", "\n\t\r\b\0\u001A\n"),
                // Spark splits any 32-bit value into two UTF-16 units by the surrogate formula.
                Arguments.of("'\\UFFFFFFFF'", "\uD7BF\uDFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringLiterals")
    void stringLiteralsUnescapeAsSparksUnescapeSqlString(String literal, String value) {
        List<Token> tokens = tokens(literal);

        assertThat(tokens.get(0).kind()).isEqualTo(TokenKind.STRING);
        assertThat(tokens.get(0).text()).isEqualTo(value);
        assertThat(tokens.get(1).kind()).isEqualTo(TokenKind.END_OF_INPUT);
    }

    @Test
    void controlCharacterEscapesBecomeTheCharacters() {
        assertThat(tokens("'\\n\\t\\r\\b\\0\\Z\\012'").get(0).text()).isEqualTo("\n\t\r\b\0\u001A\n");
    }

    @Test
    void unicodeEscapePastTheLastCodePointSplitsAsSparkDoes() {
        assertThat(tokens("'\\UFFFFFFFF'").get(0).text()).isEqualTo("\uD7BF\uDFFF");
    }

    @Test
    void bracketedCommentsNest() {
        assertThat(tokens("a /* one /* two */ still a comment */ + 1")).extracting(Token::text)
                .containsExactly("a", "+", "1", "");
    }

    @Test
    void backslashAtTheEndOfALineCommentContinuesIt() {
        assertThat(tokens("a -- note \\\n + 1\n - 2")).extracting(Token::text).containsExactly("a", "-", "2", "");
    }

    @Test
    void sparkWhiteSpaceIncludesNoBreakSpaces() {
        assertThat(tokens("a\u00A0+\u3000b")).extracting(Token::text).containsExactly("a", "+", "b", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "123abc | IDENTIFIER | 123abc",
        "1e3L   | IDENTIFIER | 1e3L",
        "0x1F   | IDENTIFIER | 0x1F",
        "1_000  | IDENTIFIER | 1_000",
        "1e3f   | FLOAT      | 1e3",
        "1.5bd  | BIG_DECIMAL | 1.5",
        "1.e3   | DOUBLE     | 1.e3",
        ".5     | DECIMAL    | .5",
        "5.     | DECIMAL    | 5.",
        "1E+3D  | DOUBLE     | 1E+3",
    })
    void numberOrNameIsTheLongestMatchAsInSparksLexer(String text, TokenKind kind, String value) {
        List<Token> tokens = tokens(text);

        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).kind()).isEqualTo(kind);
        assertThat(tokens.get(0).text()).isEqualTo(value);
    }

    @Test
    void decimalPointFollowedByALetterIsADot() {
        assertThat(tokens("2.3W")).extracting(Token::kind).containsExactly(TokenKind.INTEGER, TokenKind.DOT,
                TokenKind.IDENTIFIER, TokenKind.END_OF_INPUT);
    }

    @Test
    void unquotedNameMustBeAscii() {
        Problem problem = problem("caf\u00E9 + 1");

        assertThat(problem.where()).isEqualTo(WHERE.at(1, 1));
        assertThat(problem.message()).isEqualTo("invalid name 'caf\u00E9': a name without backquotes may hold only "
                + "ASCII letters, digits and '_'; write `caf\u00E9`");
        assertThat(tokens("`caf\u00E9`").get(0).text()).isEqualTo("caf\u00E9");
    }

    @Test
    void sparksOtherComparisonSpellingsAndColonCast() {
        assertThat(tokens("a !> b !< c::d")).extracting(Token::kind).containsExactly(TokenKind.IDENTIFIER,
                TokenKind.LE, TokenKind.IDENTIFIER, TokenKind.GE, TokenKind.IDENTIFIER, TokenKind.DOUBLE_COLON,
                TokenKind.IDENTIFIER, TokenKind.END_OF_INPUT);
    }
}
