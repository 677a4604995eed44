package sluice.engine.expr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.SourceText;

class ParserTest {
    private static final Position WHERE = Position.option("filter-1", "condition");

    private static NamedAst parse(String text) {
        return new Parser(new SourceText(text, WHERE)).parseNamed();
    }

    private static Problem problem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> parse(text)).problem();
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        Ast.Binary sum = (Ast.Binary) parse("1 + 2 * 3").expression();

        assertThat(sum.op()).isEqualTo(Ast.BinaryOp.ADD);
        assertThat(((Ast.Binary) sum.right()).op()).isEqualTo(Ast.BinaryOp.MULTIPLY);
    }

    @Test
    void andBindsTighterThanOr() {
        Ast.Binary or = (Ast.Binary) parse("a AND b OR c").expression();

        assertThat(or.op()).isEqualTo(Ast.BinaryOp.OR);
        assertThat(((Ast.Binary) or.left()).op()).isEqualTo(Ast.BinaryOp.AND);
    }

    @Test
    void notAppliesToTheWholeComparison() {
        Ast.Unary not = (Ast.Unary) parse("NOT a = b").expression();

        assertThat(not.operand()).isInstanceOf(Ast.Binary.class);
    }

    @Test
    void subtractionIsLeftAssociative() {
        Ast.Binary outer = (Ast.Binary) parse("a - b - c").expression();

        assertThat(outer.left()).isInstanceOf(Ast.Binary.class);
        assertThat(outer.right()).isInstanceOf(Ast.ColumnRef.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a AS total | total",
        "a total    | total",
        "a + 1      | ",
    })
    void aliasIsOptionalAndAsIsOptional(String text, String alias) {
        assertThat(parse(text).alias()).isEqualTo(alias);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "(a + 1               | 1 | 7  | expected ')' but found end of input",
        "a +                  | 1 | 4  | expected an expression but found end of input",
        "a b c                | 1 | 5  | expected end of input but found 'c'",
        "CASE WHEN a THEN 1   | 1 | 19 | expected END but found end of input",
        "CAST(a AS FOO)       | 1 | 11 | unsupported data type 'FOO'",
        "f(a,)                | 1 | 5  | expected an expression but found ')'",
        "a LIKE 'x' ESCAPE 'ab' | 1 | 19 | the escape string must be one character",
    })
    void syntaxErrorHasPositionAndMessage(String text, int line, int column, String message) {
        Problem problem = problem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.where()).isEqualTo(WHERE.at(line, column));
        assertThat(problem.message()).isEqualTo(message);
    }

    @Test
    void emptyTextAsksForAnExpression() {
        Problem problem = problem("");

        assertThat(problem.where()).isEqualTo(WHERE.at(1, 1));
        assertThat(problem.message()).isEqualTo("expected an expression but found end of input");
    }

    @Test
    void syntaxErrorOnALaterLineReportsThatLine() {
        Problem problem = problem("a\n+ )");

        assertThat(problem.where()).isEqualTo(WHERE.at(2, 3));
        assertThat(problem.message()).isEqualTo("expected an expression but found ')'");
    }
}
