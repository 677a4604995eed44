package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.expr.analyze.Analyzer;
import sluice.engine.expr.analyze.FoldedParts;
import sluice.engine.expr.analyze.GeneratorFunction;
import sluice.engine.expr.analyze.Generators;
import sluice.engine.expr.analyze.ReferencedColumns;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.analyze.TypedGenerator;
import sluice.engine.expr.compile.Compiler;
import sluice.engine.expr.compile.Env;
import sluice.engine.expr.compile.Evaluator;
import sluice.engine.expr.compile.GeneratedRows;
import sluice.engine.expr.compile.GeneratorEvaluator;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.expr.parse.Parser;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/** Parses, type-checks and compiles Spark SQL expressions against a schema. Immutable; any thread. */
public final class ExpressionCompiler {
    private static final Batch ONE_ROW = new Batch(Schema.EMPTY, List.of(), 1);
    private final ZoneId sessionZone;

    public ExpressionCompiler(ZoneId sessionZone) {
        this.sessionZone = requireNonNull(sessionZone, "sessionZone is null");
    }

    /**
     * One expression, optionally {@code expr AS alias}, against {@code input}. User errors throw a SluiceException
     * at {@code where} (node and option) with the line and column inside {@code text}.
     */
    public CompiledExpression compile(String text, Schema input, Position where) {
        requireNonNull(text, "text is null");
        requireNonNull(input, "input is null");
        SourceText source = new SourceText(text, requireNonNull(where, "where is null"));
        return scalar(source, new Parser(source).parseNamed(), input);
    }

    /**
     * One item of a select list, against {@code input}: a generator call (such as {@code explode(tags) AS tag} or
     * {@code posexplode(tags) AS (pos, tag)}) when the whole expression is one, else an expression as
     * {@link #compile(String, Schema, Position)} compiles it.
     */
    public SelectItem compileSelectItem(String text, Schema input, Position where) {
        requireNonNull(text, "text is null");
        requireNonNull(input, "input is null");
        SourceText source = new SourceText(text, requireNonNull(where, "where is null"));
        NamedAst named = new Parser(source).parseNamed();
        if (named.expression() instanceof Ast.Call call) {
            Optional<GeneratorFunction> function = GeneratorFunction.named(call.function());
            if (function.isPresent()) {
                Analyzer analyzer = new Analyzer(source, input, sessionZone);
                TypedGenerator typed = new Generators(analyzer, constant -> new Compiler(source, sessionZone)
                        .compile(constant).evaluate(ONE_ROW, new Env(0L, sessionZone)).get(0))
                        .type(function.get(), call, named.aliases());
                return new SelectItem.Generator(new Generated(typed,
                        new GeneratorEvaluator(typed, source, sessionZone), referencedColumns(typed)));
            }
        }
        return new SelectItem.Scalar(scalar(source, named, input));
    }

    private CompiledExpression scalar(SourceText source, NamedAst named, Schema input) {
        refuseMultiAlias(source, named);
        Typed typed = new Analyzer(source, input, sessionZone).analyzeWhole(named.expression());
        Compiler compiler = new Compiler(source, sessionZone);
        return new Compiled(Analyzer.nameOf(named, typed), typed.type(), typed.nullable(), compiler.compile(typed),
                ReferencedColumns.of(typed), foldedParts(compiler, typed), columnName(typed));
    }

    /**
     * Refuses {@code expr AS (a, b)} where {@code expr} is not a generator, as Spark's analyzer does
     * (MULTI_ALIAS_WITHOUT_GENERATOR): a select item, a column, an aggregation.
     */
    public static void refuseMultiAlias(SourceText source, NamedAst named) {
        if (named.isMultiAlias()) {
            Span names = new Span(named.expression().span().end(), source.text().length());
            throw source.error(ErrorCode.UNSUPPORTED_GENERATOR, names, "a list of names, AS (%s), names the columns "
                    + "of a generator such as posexplode; give this expression one name",
                    String.join(", ", named.aliases()));
        }
    }

    /**
     * The conjuncts of the condition {@code text} (already compiled against {@code input} without a problem) that a
     * source may skip data by: comparisons of an input column with a literal (see {@link ColumnPredicate}).
     */
    public List<ColumnPredicate> pushablePredicates(String text, Schema input, Position where) {
        SourceText source = new SourceText(text, requireNonNull(where, "where is null"));
        return PushablePredicates.of(new Analyzer(source, input, sessionZone).analyze(
                new Parser(source).parseNamed().expression()));
    }

    /**
     * Only the syntax of {@code text}, for an expression whose input schema is unknown (an input node is broken):
     * a mistake in how it is written is still found, one that needs the columns waits for the input to be fixed.
     */
    public void checkSyntax(String text, Position where) {
        requireNonNull(text, "text is null");
        new Parser(new SourceText(text, requireNonNull(where, "where is null"))).parseNamed();
    }

    /**
     * An expression already parsed from {@code source} (such as the argument of an aggregate function) against
     * {@code input}, named by Spark's generated name; user errors are positioned inside {@code source}.
     */
    public CompiledExpression compile(SourceText source, Ast expression, Schema input) {
        Typed typed = new Analyzer(source, input, sessionZone).analyze(expression);
        Compiler compiler = new Compiler(source, sessionZone);
        return new Compiled(typed.sql(), typed.type(), typed.nullable(), compiler.compile(typed),
                ReferencedColumns.of(typed), foldedParts(compiler, typed), columnName(typed));
    }

    /**
     * Spark's implicit cast of input column {@code index} to {@code type}, as its analyzer puts one over a column of
     * a set operation's input (WidenSetOperationTypes); the column keeps its name, and a failing value is reported at
     * {@code where} as a CAST of that column.
     */
    public CompiledExpression castColumn(Schema input, int index, DataType type, Position where) {
        Field field = input.field(index);
        String written = "`" + field.name().replace("`", "``") + "`";
        String text = "CAST(" + written + " AS " + type.sql() + ")";
        SourceText source = new SourceText(text, requireNonNull(where, "where is null"));
        Typed column = new Typed.Column(index, field.name(), written, field.type(), field.nullable(),
                new Span(5, 5 + written.length()));
        Typed cast = new Typed.Cast(column, type, false, new Span(0, text.length()), field.name());
        Compiler compiler = new Compiler(source, sessionZone);
        return new Compiled(field.name(), type, cast.nullable(), compiler.compile(cast), ReferencedColumns.of(cast),
                List.of(), columnName(cast));
    }

    private static List<Evaluator> foldedParts(Compiler compiler, Typed typed) {
        return FoldedParts.of(typed).stream().map(compiler::compile).toList();
    }

    /** Every function name, sorted, for completion in the workbench. */
    public static List<String> functionNames() {
        return Analyzer.functionNames();
    }

    private static BitSet referencedColumns(TypedGenerator generator) {
        BitSet columns = new BitSet();
        generator.args().forEach(arg -> columns.or(ReferencedColumns.of(arg)));
        return columns;
    }

    private static Env env(EvalContext context) {
        return new Env(context.batchTimestampMicros(), context.zone(), context.partitionIndex(), context.randomSeed(),
                context.generators());
    }

    private record Generated(TypedGenerator typed, GeneratorEvaluator evaluator, BitSet columns)
            implements CompiledGenerator {
        @Override
        public String sql() {
            return typed.sql();
        }

        @Override
        public List<Field> output() {
            return typed.output();
        }

        @Override
        public GeneratedRows generate(Batch input, EvalContext context) {
            return evaluator.generate(input, env(context));
        }

        @Override
        public BitSet referencedColumns() {
            return (BitSet) columns.clone();
        }
    }

    private static String columnName(Typed typed) {
        if (typed instanceof Typed.Column column) {
            return column.name();
        }
        // Spark's window_time keeps the window column's watermark metadata (ResolveWindowTime).
        if (typed instanceof Typed.Call call && call.function().equals("window_time")
                && call.args().get(0) instanceof Typed.Column window) {
            return window.name();
        }
        return null;
    }

    private record Compiled(String name, DataType type, boolean nullable, Evaluator evaluator, BitSet columns,
                            List<Evaluator> foldedParts, String columnName) implements CompiledExpression {
        /** One row without columns: what Spark's optimizer evaluates a constant over (its EmptyRow). */
        private static final Batch NO_COLUMNS = new Batch(Schema.EMPTY, List.of(), 1);

        @Override
        public void foldConstants(EvalContext context) {
            Env env = env(context);
            for (Evaluator part : foldedParts) {
                part.evaluate(NO_COLUMNS, env);
            }
        }

        @Override
        public BitSet referencedColumns() {
            return (BitSet) columns.clone();
        }

        @Override
        public ColumnVector evaluate(Batch input, EvalContext context) {
            return evaluator.evaluate(input, env(context));
        }
    }
}
