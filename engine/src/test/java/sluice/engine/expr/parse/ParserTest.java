package sluice.engine.expr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;

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
    void parenthesesAroundSeveralValuesMakeARowConstructor() {
        Ast.Call row = (Ast.Call) parse("(a, b AS x, 1)").expression();

        assertThat(row.function()).isEqualTo(Ast.Call.ROW_CONSTRUCTOR);
        assertThat(row.args()).hasSize(3);
        assertThat(row.args().get(1)).isInstanceOf(Ast.Alias.class);
        assertThat(row.span()).isEqualTo(new Span(0, 14));
    }

    @Test
    void aListOfNamesAfterAsIsAMultiAlias() {
        NamedAst named = parse("posexplode(tags) AS (i, tag)");

        assertThat(named.alias()).isNull();
        assertThat(named.aliases()).containsExactly("i", "tag");
        assertThat(named.isMultiAlias()).isTrue();
    }

    @Test
    void anAliasedValueAloneInParenthesesIsASyntaxError() {
        Problem problem = problem("(a AS x)");

        assertThat(problem.message()).isEqualTo("expected ',' but found ')'");
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

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(quoteCharacter = '"', value = {"\"\"", "\"  \""})
    void blankTextIsAnEmptyExpression(String text) {
        Problem problem = problem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.message()).isEqualTo("the expression is empty");
    }

    @Test
    void commentAloneStillAsksForAnExpression() {
        Problem problem = problem("-- nothing");

        assertThat(problem.where()).isEqualTo(WHERE.at(1, 11));
        assertThat(problem.message()).isEqualTo("expected an expression but found end of input");
    }

    @Test
    void syntaxErrorOnALaterLineReportsThatLine() {
        Problem problem = problem("a\n+ )");

        assertThat(problem.where()).isEqualTo(WHERE.at(2, 3));
        assertThat(problem.message()).isEqualTo("expected an expression but found ')'");
    }

    @Test
    void andChainIsBalancedAsSparkBuildsIt() {
        Ast.Binary and = (Ast.Binary) parse("a AND b AND c AND d AND e").expression();

        // (((a AND b) AND c) AND (d AND e))
        Ast.Binary left = (Ast.Binary) and.left();
        Ast.Binary right = (Ast.Binary) and.right();
        assertThat(left.left()).isInstanceOf(Ast.Binary.class);
        assertThat(left.right()).isEqualTo(new Ast.ColumnRef("c", new Span(12, 13)));
        assertThat(right.left()).isEqualTo(new Ast.ColumnRef("d", new Span(18, 19)));
        assertThat(right.right()).isEqualTo(new Ast.ColumnRef("e", new Span(24, 25)));
    }

    @Test
    void unaryPlusStaysInTheTree() {
        assertThat(parse("+a").expression()).isInstanceOf(Ast.Unary.class);
    }

    @Test
    void doubleColonCastsThePrimaryBeforeIt() {
        Ast.Binary sum = (Ast.Binary) parse("a + b::string").expression();

        assertThat(sum.right()).isInstanceOf(Ast.Cast.class);
        assertThat(((Ast.Cast) parse("-1::string").expression()).operand()).isInstanceOf(Ast.Literal.class);
    }

    @Test
    void expressionMayNestToTheLimit() {
        int limit = Parser.MAX_NESTING;
        String parentheses = "(".repeat(limit - 1) + "a" + ")".repeat(limit - 1);
        String sum = String.join(" + ", Collections.nCopies(limit, "a"));
        String calls = "abs(".repeat(limit - 1) + "a" + ")".repeat(limit - 1);

        assertThat(parse(parentheses).expression()).isInstanceOf(Ast.ColumnRef.class);
        assertThat(parse(sum).expression()).isInstanceOf(Ast.Binary.class);
        assertThat(parse(calls).expression()).isInstanceOf(Ast.Call.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parentheses", "sum", "calls", "minus", "not", "case", "cast"})
    void oneLevelPastTheLimitIsAProblemNotAStackOverflow(String shape) {
        Problem problem = problem(nested(shape, Parser.MAX_NESTING));

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.message()).isEqualTo("the expression nests more than " + Parser.MAX_NESTING
                + " levels deep (operators, function calls and parentheses); split it into smaller expressions");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parentheses", "sum", "calls", "minus", "not", "case", "cast"})
    void farPastTheLimitIsTheSameProblem(String shape) {
        Problem problem = problem(nested(shape, 100_000));

        assertThat(problem.message()).isEqualTo("the expression nests more than " + Parser.MAX_NESTING
                + " levels deep (operators, function calls and parentheses); split it into "
                + "smaller expressions");
    }

    @Test
    void tooDeepProblemPointsAtTheFirstLevelPastTheLimit() {
        String text = "(".repeat(Parser.MAX_NESTING) + "a" + ")".repeat(Parser.MAX_NESTING);

        assertThat(problem(text).where()).isEqualTo(WHERE.at(1, Parser.MAX_NESTING + 1));
    }

    /** {@code levels} levels of the shape around {@code a}, so one more level than that. */
    private static String nested(String shape, int levels) {
        return switch (shape) {
            case "parentheses" -> "(".repeat(levels) + "a" + ")".repeat(levels);
            case "sum" -> String.join(" + ", Collections.nCopies(levels + 1, "a"));
            case "calls" -> "abs(".repeat(levels) + "a" + ")".repeat(levels);
            case "minus" -> "- ".repeat(levels) + "a";
            case "not" -> "NOT ".repeat(levels) + "a";
            case "case" -> "CASE WHEN a THEN ".repeat(levels) + "a" + " END".repeat(levels);
            case "cast" -> "CAST(".repeat(levels) + "a" + " AS INT)".repeat(levels);
            default -> throw new IllegalArgumentException(shape);
        };
    }
}
