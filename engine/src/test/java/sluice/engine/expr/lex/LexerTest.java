package sluice.engine.expr.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        "/* x    | 1 | 1 | unclosed comment",
        "1 2Z    | 1 | 3 | invalid number '2Z'",
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
}
