package sluice.engine.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Parser;
import sluice.engine.operator.JoinColumn;
import sluice.engine.operator.JoinCondition;
import sluice.engine.operator.JoinOperator;
import sluice.engine.operator.JoinType;
import sluice.engine.operator.StreamJoinCondition;
import sluice.engine.operator.StreamJoinOperator;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * {@code transform.join}, Spark's {@code left.join(right, on, how)}: the first input is the left side, the second the
 * right. {@code on} is a condition over the columns of both sides (a name both sides have is ambiguous there, as in
 * Spark); {@code usingColumns} names columns both sides have, Spark's {@code join(right, Seq(names), how)}, which
 * gives each such column once, first. Neither is a join of every pair. Spark's streaming rules decide which types
 * a stream may take with a static table or another stream; the equalities between a left and a right expression in
 * the condition become hash keys.
 */
final class JoinPlan {
    static final NodeKind KIND = new NodeKind("transform.join", NodeKind.Category.TRANSFORM, 2, 2, List.of(
            OptionSpec.optional("on", OptionKind.EXPRESSION, null, "Spark SQL condition over the columns of both "
                    + "inputs, such as Name = Symbol; not with usingColumns"),
            OptionSpec.optional("usingColumns", OptionKind.STRING_LIST, null,
                    "Columns both inputs have, matched by equality and given once (Spark's join on a list of names)"),
            OptionSpec.choice("how", "inner", JoinType.allNames(), "Join type, as Spark names them: inner, cross, "
                    + "left_outer, right_outer, full_outer, left_semi, left_anti (and their other spellings)")),
            "Joins two inputs, the first on the left, as Spark's join: a stream with a static table "
                    + "(source.file with static: true), or two streams (append mode; outer and semi joins need "
                    + "watermarks and a time range, as in Spark)", List.of("left", "right"));

    private JoinPlan() {
    }

    static Optional<PlannedNode> plan(NodeContext context) {
        JoinType type = context.string("how").flatMap(JoinType::parse).orElse(JoinType.INNER);
        Optional<String> on = context.string("on").filter(text -> !text.isBlank());
        List<String> using = context.list("usingColumns");
        if (on.isPresent() && !using.isEmpty()) {
            context.problem("usingColumns", ErrorCode.BAD_OPTION_VALUE,
                    "give either 'on' (a condition) or 'usingColumns' (names both inputs have), not both");
            return Optional.empty();
        }
        if (!context.inputsKnown()) {
            // Whether a broken input is a stream is not known either: the join type waits for it to be fixed.
            on.ifPresent(text -> context.expression("on", text, Schema.EMPTY));
            return Optional.empty();
        }
        boolean leftStream = context.inputsStreaming().get(0);
        boolean rightStream = context.inputsStreaming().get(1);
        Optional<String> refused = StreamingJoinRules.refusal(type, leftStream, rightStream);
        if (refused.isPresent()) {
            context.problem("how", ErrorCode.UNSUPPORTED_JOIN, "%s", refused.get());
            return Optional.empty();
        }
        Schema left = context.inputSchemas().get(0);
        Schema right = context.inputSchemas().get(1);
        Optional<Joined> joined = using.isEmpty() ? byCondition(context, type, on, left, right)
                : byNames(context, type, using, left, right);
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        Joined join = joined.get();
        if (leftStream && rightStream) {
            if (join.condition().leftKeys().isEmpty()) {
                context.problem(on.isPresent() ? "on" : "how", ErrorCode.UNSUPPORTED_JOIN,
                        "Stream-stream join without equality predicate is not supported.");
                return Optional.empty();
            }
            StreamJoinCondition streamCondition = new StreamJoinCondition(join.condition(),
                    StreamJoinConjuncts.sideOnly(context, on, left, right, 0),
                    StreamJoinConjuncts.sideOnly(context, on, left, right, 1),
                    StreamJoinConjuncts.timeBounds(context, on, left, right), join.leftKeyColumns(),
                    join.rightKeyColumns());
            return Optional.of(new PlannedNode.TransformNode(new StreamJoinOperator(type, streamCondition, left,
                    right, join.columns(), join.schema())));
        }
        return Optional.of(new PlannedNode.TransformNode(new JoinOperator(type, join.condition(), left, right,
                join.columns(), join.schema())));
    }

    /** What the planner makes of the options: how rows match, and the output's columns. */
    private record Joined(JoinCondition condition, List<JoinColumn> columns, Schema schema,
                          List<Integer> leftKeyColumns, List<Integer> rightKeyColumns) {}

    private static Optional<Joined> byCondition(NodeContext context, JoinType type, Optional<String> on, Schema left,
                                                Schema right) {
        List<Field> both = new ArrayList<>(left.fields());
        both.addAll(right.fields());
        Schema pairs = new Schema(both);
        List<CompiledExpression> leftKeys = new ArrayList<>();
        List<CompiledExpression> rightKeys = new ArrayList<>();
        List<Integer> leftKeyColumns = new ArrayList<>();
        List<Integer> rightKeyColumns = new ArrayList<>();
        CompiledExpression residual = null;
        if (on.isPresent()) {
            Optional<CompiledExpression> condition = context.expression("on", on.get(), pairs);
            if (condition.isEmpty()) {
                return Optional.empty();
            }
            if (condition.get().type() != AtomicType.BOOLEAN && condition.get().type() != AtomicType.NULL) {
                context.problem("on", ErrorCode.TYPE_MISMATCH, "the join condition must be BOOLEAN, but '%s' is %s",
                        condition.get().name(), condition.get().type().sql());
                return Optional.empty();
            }
            boolean allKeys = equiKeys(context, on.get(), left, right, pairs, leftKeys, rightKeys, leftKeyColumns,
                    rightKeyColumns);
            residual = allKeys ? null : condition.get();
        }
        List<JoinColumn> columns = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < left.size(); c++) {
            columns.add(JoinColumn.ofLeft(c));
            fields.add(nullableIf(left.field(c), type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER));
        }
        if (!type.leftOnly()) {
            for (int c = 0; c < right.size(); c++) {
                columns.add(JoinColumn.ofRight(c));
                fields.add(nullableIf(right.field(c), type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER));
            }
        }
        return Optional.of(new Joined(new JoinCondition(leftKeys, rightKeys, residual), columns, new Schema(fields),
                leftKeyColumns, rightKeyColumns));
    }

    /**
     * Adds the hash keys of the condition's top-level {@code AND}ed equalities that compare an expression of the left
     * side with one of the right side of the same type; true when every conjunct is such a key, so nothing is left to
     * check after the hash match.
     */
    private static boolean equiKeys(NodeContext context, String text, Schema left, Schema right, Schema pairs,
                                    List<CompiledExpression> leftKeys, List<CompiledExpression> rightKeys,
                                    List<Integer> leftKeyColumns, List<Integer> rightKeyColumns) {
        SourceText source = new SourceText(text, context.where("on"));
        try {
            List<Ast> conjuncts = conjuncts(source);
            boolean allKeys = true;
            for (Ast conjunct : conjuncts) {
                allKeys &= conjunct instanceof Ast.Binary equality && equality.op() == Ast.BinaryOp.EQ
                        && addKey(context, source, equality, left, right, pairs, leftKeys, rightKeys)
                        && keyColumns(equality, context, source, pairs, left, right, leftKeyColumns,
                        rightKeyColumns);
            }
            return allKeys;
        } catch (SluiceException e) {
            // The whole condition compiled, so a part of it fails only where it is not a key: checked as a whole.
            leftKeys.clear();
            rightKeys.clear();
            leftKeyColumns.clear();
            rightKeyColumns.clear();
            return false;
        }
    }

    /** The parts of the condition {@code source} joined by AND at its top, in the order written. */
    static List<Ast> conjuncts(SourceText source) {
        List<Ast> found = new ArrayList<>();
        split(new Parser(source).parseNamed().expression(), found);
        return found;
    }

    private static void split(Ast condition, List<Ast> conjuncts) {
        if (condition instanceof Ast.Binary binary && binary.op() == Ast.BinaryOp.AND) {
            split(binary.left(), conjuncts);
            split(binary.right(), conjuncts);
        } else {
            conjuncts.add(condition);
        }
    }

    private static boolean addKey(NodeContext context, SourceText source, Ast.Binary equality, Schema left,
                                  Schema right, Schema pairs, List<CompiledExpression> leftKeys,
                                  List<CompiledExpression> rightKeys) {
        int first = side(context.compiler().compile(source, equality.left(), pairs), left.size());
        int second = side(context.compiler().compile(source, equality.right(), pairs), left.size());
        if (first == second || first < 0 || second < 0) {
            return false;
        }
        Ast leftSide = first == 0 ? equality.left() : equality.right();
        Ast rightSide = first == 0 ? equality.right() : equality.left();
        CompiledExpression leftKey = context.compiler().compile(source, leftSide, left);
        CompiledExpression rightKey = context.compiler().compile(source, rightSide, right);
        if (!leftKey.type().equals(rightKey.type())) {
            // Spark compares them after a cast to a common type; the residual condition does exactly that.
            return false;
        }
        leftKeys.add(leftKey);
        rightKeys.add(rightKey);
        return true;
    }

    /**
     * Adds the input column of the key just added on each side, or -1 where it is not a plain column (Spark finds a
     * watermark in the join keys only on a column); always true.
     */
    private static boolean keyColumns(Ast.Binary equality, NodeContext context, SourceText source, Schema pairs,
                                      Schema left, Schema right, List<Integer> leftKeyColumns,
                                      List<Integer> rightKeyColumns) {
        boolean firstIsLeft = side(context.compiler().compile(source, equality.left(), pairs), left.size()) == 0;
        leftKeyColumns.add(column(firstIsLeft ? equality.left() : equality.right(), left));
        rightKeyColumns.add(column(firstIsLeft ? equality.right() : equality.left(), right));
        return true;
    }

    private static int column(Ast key, Schema side) {
        return key instanceof Ast.ColumnRef ref && side.indexesOf(ref.name()).size() == 1 ? side.indexOf(ref.name())
                : -1;
    }

    /** 0 when {@code expression} reads left columns only, 1 right columns only, -1 both or none. */
    private static int side(CompiledExpression expression, int leftWidth) {
        BitSet columns = expression.referencedColumns();
        if (columns.isEmpty()) {
            return -1;
        }
        boolean anyLeft = columns.nextSetBit(0) < leftWidth;
        boolean anyRight = columns.length() > leftWidth;
        return anyLeft && anyRight ? -1 : anyLeft ? 0 : 1;
    }

    /**
     * Spark's USING join: each named column once, first (the left one; the right one for a right outer join; the
     * first not null for a full outer join), then the other columns of the left side, then of the right side (none
     * for semi and anti joins).
     */
    private static Optional<Joined> byNames(NodeContext context, JoinType type, List<String> names, Schema left,
                                            Schema right) {
        List<Integer> leftIndexes = new ArrayList<>();
        List<Integer> rightIndexes = new ArrayList<>();
        for (String name : names) {
            Optional<Integer> l = usingColumn(context, name, left, "left");
            Optional<Integer> r = usingColumn(context, name, right, "right");
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            if (!left.field(l.get()).type().equals(right.field(r.get()).type())) {
                context.problem("usingColumns", ErrorCode.TYPE_MISMATCH, "USING column `%s` is %s on the left and "
                        + "%s on the right; cast one side to the other's type first", name,
                        left.field(l.get()).type().sql(), right.field(r.get()).type().sql());
                return Optional.empty();
            }
            leftIndexes.add(l.get());
            rightIndexes.add(r.get());
        }
        List<CompiledExpression> leftKeys = new ArrayList<>();
        List<CompiledExpression> rightKeys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            leftKeys.add(context.compiler().compile(quoted(left.field(leftIndexes.get(i)).name()), left,
                    context.where("usingColumns")));
            rightKeys.add(context.compiler().compile(quoted(right.field(rightIndexes.get(i)).name()), right,
                    context.where("usingColumns")));
        }
        List<JoinColumn> columns = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Field l = left.field(leftIndexes.get(i));
            Field r = right.field(rightIndexes.get(i));
            switch (type) {
                case RIGHT_OUTER -> {
                    columns.add(JoinColumn.ofRight(rightIndexes.get(i)));
                    fields.add(r);
                }
                case FULL_OUTER -> {
                    columns.add(new JoinColumn(leftIndexes.get(i), rightIndexes.get(i)));
                    fields.add(new Field(l.name(), l.type(), l.nullable() && r.nullable()));
                }
                case INNER, CROSS, LEFT_OUTER, LEFT_SEMI, LEFT_ANTI -> {
                    columns.add(JoinColumn.ofLeft(leftIndexes.get(i)));
                    fields.add(l);
                }
            }
        }
        for (int c = 0; c < left.size(); c++) {
            if (!leftIndexes.contains(c)) {
                columns.add(JoinColumn.ofLeft(c));
                fields.add(nullableIf(left.field(c), type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER));
            }
        }
        if (!type.leftOnly()) {
            for (int c = 0; c < right.size(); c++) {
                if (!rightIndexes.contains(c)) {
                    columns.add(JoinColumn.ofRight(c));
                    fields.add(nullableIf(right.field(c), type == JoinType.LEFT_OUTER
                            || type == JoinType.FULL_OUTER));
                }
            }
        }
        return Optional.of(new Joined(new JoinCondition(leftKeys, rightKeys, null), columns, new Schema(fields),
                leftIndexes, rightIndexes));
    }

    private static Optional<Integer> usingColumn(NodeContext context, String name, Schema side, String which) {
        List<Integer> found = side.indexesOf(name);
        if (found.size() > 1) {
            context.problem("usingColumns", ErrorCode.AMBIGUOUS_COLUMN, "[AMBIGUOUS_REFERENCE] Reference `%s` is "
                    + "ambiguous, could be: [%s] on the %s side of the join", name,
                    found.stream().map(i -> "`" + side.field(i).name() + "`").collect(Collectors.joining(", ")),
                    which);
            return Optional.empty();
        }
        if (found.isEmpty()) {
            context.problem("usingColumns", ErrorCode.UNKNOWN_COLUMN, "[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column "
                    + "`%s` cannot be resolved on the %s side of the join. The %s-side columns: [%s].", name, which,
                    which, side.names().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static Field nullableIf(Field field, boolean nullable) {
        return nullable ? new Field(field.name(), field.type(), true) : field;
    }
}
