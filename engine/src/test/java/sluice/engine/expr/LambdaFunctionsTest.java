package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;
import static sluice.engine.expr.ExpressionFixture.eval;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;

/** The higher-order functions: lambda parameters, their scope, Spark's names, three-valued logic and errors. */
class LambdaFunctionsTest {
    @Test
    void lambdaParameterHidesTheColumnOfTheSameNameButOtherColumnsStayVisible() {
        // x is also a DOUBLE column (2.5); inside the lambda it is the element.
        assertThat(eval("transform(array(1, 2), x -> x + i)")).containsExactly(Arrays.asList(4, 5),
                Arrays.asList(null, null));
        assertThat(eval("transform(array(1), X -> x * 10)").get(0)).isEqualTo(Arrays.asList(10));
    }

    @Test
    void nestedLambdasSeeTheOuterParameters() {
        assertThat(eval("transform(array(array(1, 2), array(3)), a -> transform(a, y -> y + size(a) + i))"))
                .containsExactly(Arrays.asList(Arrays.asList(6, 7), Arrays.asList(7)),
                        Arrays.asList(Arrays.asList(null, null), Arrays.asList((Object) null)));
        assertThat(eval("aggregate(array(array(1, 2), array(3)), 0, (acc, a) -> acc + aggregate(a, 0, (s, y) -> s + y"
                + " * acc + 1))").get(0)).isEqualTo(9);
    }

    @Test
    void namesAreSparks() {
        assertThat(compile("transform(array(i), x -> x + 1)").name())
                .isEqualTo("transform(array(i), lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))");
        assertThat(compile("aggregate(array(i), 0, (acc, x) -> acc + x)").name()).isEqualTo("aggregate(array(i), 0, "
                + "lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), "
                + "namedlambdavariable()), lambdafunction(namedlambdavariable(), namedlambdavariable()))");
    }

    @Test
    void existsAndForallFollowThreeValuedLogic() {
        assertThat(eval("exists(array(1, NULL), y -> y > 1)").get(0)).isNull();
        assertThat(eval("exists(array(2, NULL), y -> y > 1)").get(0)).isEqualTo(true);
        assertThat(eval("exists(array(0, 1), y -> y > 1)").get(0)).isEqualTo(false);
        assertThat(eval("forall(array(2, NULL), y -> y > 1)").get(0)).isNull();
        assertThat(eval("forall(array(0, NULL), y -> y > 1)").get(0)).isEqualTo(false);
        assertThat(eval("forall(filter(array(1), y -> y > 5), y -> false)").get(0)).isEqualTo(true);
        assertThat(eval("exists(CAST(NULL AS ARRAY<INT>), y -> true)").get(0)).isNull();
    }

    @Test
    void aggregateRunsMergeAcrossRowsOfDifferentLengthsAndFinishOnlyForNonNullArrays() {
        assertThat(eval("aggregate(split(s, 'o'), '', (acc, y) -> concat(acc, '<', y), acc -> upper(acc))"))
                .containsExactly("<HELL< W<RLD", null);
        assertThat(eval("reduce(array(1L, 2L, i), 0L, (acc, y) -> acc + y)")).containsExactly(6L, null);
    }

    @Test
    void wrongLambdasAreClearProblems() {
        assertThat(compileProblem("exists(array(1), (y, k) -> true)").message())
                .contains("the lambda of 'exists' takes 1 parameter but has 2");
        assertThat(compileProblem("filter(array(1), y -> y + 1)").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(compileProblem("transform(s, y -> y)").message()).contains("argument 1 of 'transform' must be an "
                + "ARRAY");
        assertThat(compileProblem("transform(array(1), 1)").message()).contains("must be a lambda");
        assertThat(compileProblem("aggregate(array(1), 0, (a, y) -> a + 1.5)").message())
                .contains("must return the start value's type INT");
        assertThat(compileProblem("upper(y -> y)").code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(runProblem("transform(array(1, 0), y -> 10 / y)").message()).startsWith("[DIVIDE_BY_ZERO]");
    }

    @Test
    void arraySortUsesTheComparatorAndRefusesANullOrNonIntComparison() {
        assertThat(eval("array_sort(array('bb', 'a', 'ccc'), (x, y) -> length(x) - length(y))").get(0))
                .isEqualTo(List.of("a", "bb", "ccc"));
        assertThat(eval("array_sort(array(2.5D, NULL, -1.0D))").get(0)).isEqualTo(Arrays.asList(-1.0, 2.5, null));
        assertThat(eval("array_sort(array())").get(0)).isEqualTo(List.of());
        assertThat(eval("array_sort(CAST(NULL AS ARRAY<INT>))").get(0)).isNull();
        assertThat(compile("array_sort(array(i))").name()).isEqualTo("array_sort(array(i), lambdafunction((IF("
                + "((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, "
                + "(IF((namedlambdavariable() "
                + "IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < "
                + "namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), "
                + "namedlambdavariable(), namedlambdavariable()))");
        assertThat(runProblem("array_sort(array(2, 1), (x, y) -> CAST(NULL AS INT))").message())
                .isEqualTo("[COMPARATOR_RETURNS_NULL] The comparator has returned a NULL for a comparison between 1 "
                        + "and 1. It should return a positive integer for \"greater than\", 0 for \"equal\" and a "
                        + "negative integer for \"less than\". To revert to deprecated behavior where NULL is "
                        + "treated as 0 (equal), you must set "
                        + "\"spark.sql.legacy.allowNullComparisonResultInArraySort\" to \"true\".");
        assertThat(compileProblem("array_sort(array(2, 1), (x, y) -> 1L)").message())
                .contains("[DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE] the comparator of 'array_sort' must return INT");
    }

    @Test
    void transformKeysRefusesNullAndRepeatedKeysAsSparksMapBuilder() {
        assertThat(eval("transform_keys(map(1, 'a', 2, 'b'), (k, v) -> concat(v, k))").get(0).toString())
                .isEqualTo("MapValue[keys=[a1, b2], values=[a, b]]");
        assertThat(runProblem("transform_keys(map(1, 'a', 2, 'b'), (k, v) -> 0)").message())
                .isEqualTo("[DUPLICATED_MAP_KEY] Duplicate map key 0 was found, please check the input data. If you "
                        + "want to remove the duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to "
                        + "\"LAST_WIN\" so that the key inserted at last takes precedence.");
        assertThat(runProblem("transform_keys(map(1, 'a'), (k, v) -> CAST(NULL AS INT))").message())
                .isEqualTo("[NULL_MAP_KEY] Cannot use null as map key.");
        assertThat(compileProblem("transform_keys(map(1, 'a'), (k, v) -> map(k, v))").message())
                .contains("[DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE]");
    }

    @Test
    void mapZipWithVisitsEveryKeyOfEitherMapWithNullForAMissingValue() {
        assertThat(eval("map_zip_with(map(1, 'a', 2, 'b'), map(3, 'c', 1, 'x'), (k, x, y) -> concat(k, x, y))")
                .get(0).toString()).isEqualTo("MapValue[keys=[1, 2, 3], values=[1ax, null, null]]");
        assertThat(eval("map_zip_with(map(1, 'a'), map(1L, 'b'), (k, x, y) -> k)").get(0).toString())
                .isEqualTo("MapValue[keys=[1], values=[1]]");
        assertThat(eval("map_zip_with(map(1, 'a'), CAST(NULL AS MAP<INT, STRING>), (k, x, y) -> x)").get(0))
                .isNull();
        assertThat(compileProblem("map_zip_with(map(1, 'a'), map(array(1), 'b'), (k, x, y) -> x)").message())
                .contains("[DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES]");
        assertThat(compileProblem("map_zip_with(map(1, 'a'), map(2, 'b'), (k, x) -> x)").message())
                .contains("the lambda of 'map_zip_with' takes 3 parameters but has 2");
    }
}
