package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.CompiledGenerator;
import sluice.engine.expr.compile.GeneratedRows;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * Spark's {@code Generate} under a {@code Project}: a select list with generators (explode and the like). Each
 * generator turns every row into its rows, the input columns repeated along; with several, each works on the rows of
 * the one before, so they multiply, as Spark nests one Generate per generator. The other items are then computed on
 * the generated rows, as Spark's Project above the Generate computes them. Immutable.
 */
public final class GenerateOperator extends PartitionOperator {
    private final Schema input;
    private final List<CompiledGenerator> generators;
    private final List<Output> outputs;
    private final Schema schema;
    /** The input columns read by an output or a generator: only these are repeated along with the generated rows. */
    private final BitSet used;

    /** One output column: an input column, a computed expression, or a column a generator makes. */
    public sealed interface Output permits Output.Input, Output.Computed, Output.Generated {
        String name();

        record Input(String name, int index) implements Output {}

        record Computed(String name, CompiledExpression expression) implements Output {
            public Computed {
                requireNonNull(expression, "expression is null");
            }
        }

        /** Column {@code field} of generator number {@code generator} (in the order the list gives them). */
        record Generated(String name, int generator, int field) implements Output {}
    }

    public GenerateOperator(Schema input, List<CompiledGenerator> generators, List<Output> outputs) {
        this.input = requireNonNull(input, "input is null");
        this.generators = List.copyOf(generators);
        this.outputs = List.copyOf(outputs);
        List<Field> fields = new ArrayList<>();
        for (Output output : this.outputs) {
            if (output instanceof Output.Input column) {
                fields.add(input.field(column.index()).withName(column.name()));
            } else if (output instanceof Output.Computed computed) {
                fields.add(new Field(computed.name(), computed.expression().type(), computed.expression().nullable()));
            } else if (output instanceof Output.Generated generated) {
                fields.add(this.generators.get(generated.generator()).output().get(generated.field())
                        .withName(generated.name()));
            } else {
                throw new AssertionError(output);
            }
        }
        this.schema = new Schema(fields);
        BitSet all = new BitSet();
        all.set(0, this.outputs.size());
        this.used = requiredInputColumns(0, input.size(), all);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int inputIndex, int inputWidth, BitSet requiredOutput) {
        BitSet needed = new BitSet();
        generators.forEach(generator -> needed.or(generator.referencedColumns()));
        for (int c = requiredOutput.nextSetBit(0); c >= 0 && c < outputs.size(); c = requiredOutput.nextSetBit(c + 1)) {
            Output output = outputs.get(c);
            if (output instanceof Output.Input column) {
                needed.set(column.index());
            } else if (output instanceof Output.Computed computed) {
                needed.or(computed.expression().referencedColumns());
            }
        }
        return needed;
    }

    @Override
    public Batch apply(Batch partition, TaskContext context) {
        Batch rows = partition;
        List<List<ColumnVector>> generated = new ArrayList<>();
        for (CompiledGenerator generator : generators) {
            GeneratedRows made = generator.generate(rows, context.eval());
            rows = repeat(rows, made.parents(), made.count());
            for (int g = 0; g < generated.size(); g++) {
                generated.set(g, select(generated.get(g), made.parents(), made.count()));
            }
            generated.add(made.columns());
        }
        List<ColumnVector> vectors = new ArrayList<>(outputs.size());
        for (Output output : outputs) {
            if (output instanceof Output.Input column) {
                vectors.add(rows.column(column.index()));
            } else if (output instanceof Output.Computed computed) {
                vectors.add(computed.expression().evaluate(rows, context.eval()));
            } else if (output instanceof Output.Generated column) {
                vectors.add(generated.get(column.generator()).get(column.field()));
            } else {
                throw new AssertionError(output);
            }
        }
        return new Batch(schema, vectors, rows.rowCount());
    }

    /** The input columns at the generated rows' parents; those nothing reads are left as NULLs. */
    private Batch repeat(Batch rows, int[] parents, int count) {
        List<ColumnVector> columns = new ArrayList<>(input.size());
        for (int c = 0; c < input.size(); c++) {
            columns.add(used.get(c) ? rows.column(c).select(parents, count)
                    : ColumnVector.nulls(input.field(c).type(), count));
        }
        return new Batch(input, columns, count);
    }

    private static List<ColumnVector> select(List<ColumnVector> columns, int[] parents, int count) {
        return columns.stream().map(column -> column.select(parents, count)).toList();
    }
}
