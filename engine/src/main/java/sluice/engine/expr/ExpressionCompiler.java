package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import sluice.engine.diag.Position;
import sluice.engine.expr.analyze.Analyzer;
import sluice.engine.expr.analyze.ReferencedColumns;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.expr.compile.Compiler;
import sluice.engine.expr.compile.Env;
import sluice.engine.expr.compile.Evaluator;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.NamedAst;
import sluice.engine.expr.parse.Parser;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;

/** Parses, type-checks and compiles Spark SQL expressions against a schema. Immutable; any thread. */
public final class ExpressionCompiler {
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
        NamedAst named = new Parser(source).parseNamed();
        Typed typed = new Analyzer(source, input, sessionZone).analyze(named.expression());
        Evaluator evaluator = new Compiler(source, sessionZone).compile(typed);
        return new Compiled(Analyzer.nameOf(named, typed), typed.type(), typed.nullable(), evaluator,
                ReferencedColumns.of(typed));
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
        Evaluator evaluator = new Compiler(source, sessionZone).compile(typed);
        return new Compiled(typed.sql(), typed.type(), typed.nullable(), evaluator, ReferencedColumns.of(typed));
    }

    /** Every function name, sorted, for completion in the workbench. */
    public static List<String> functionNames() {
        return Analyzer.functionNames();
    }

    private record Compiled(String name, DataType type, boolean nullable, Evaluator evaluator, BitSet columns)
            implements CompiledExpression {
        @Override
        public BitSet referencedColumns() {
            return (BitSet) columns.clone();
        }

        @Override
        public ColumnVector evaluate(Batch input, EvalContext context) {
            return evaluator.evaluate(input, new Env(context.batchTimestampMicros(), context.zone(),
                    context.partitionIndex(), context.randomSeed(), context.generators()));
        }
    }
}
