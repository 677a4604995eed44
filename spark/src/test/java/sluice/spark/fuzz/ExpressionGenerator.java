package sluice.spark.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes random well-typed expressions over a table's columns. At most one node of an expression may fail at run
 * time, so that when it fails both engines must name the same error whatever order they evaluate rows in.
 * Mutable (its random); one test thread.
 */
final class ExpressionGenerator {
    private final Operations operations;
    private final List<Column> columns;
    private final SplittableRandom random;
    private final String decimalDdl;
    private boolean failureAllowed;

    ExpressionGenerator(Operations operations, List<Column> columns, SplittableRandom random) {
        this.operations = operations;
        this.columns = List.copyOf(columns);
        this.random = random;
        this.decimalDdl = columns.stream().filter(c -> c.kind() == Kind.DECIMAL).map(Column::ddl).findFirst()
                .orElse("DECIMAL(10,2)");
    }

    /** An expression of a random kind, up to {@code depth} operations deep; may fail only if {@code mayFail}. */
    Expr next(int depth, boolean mayFail) {
        Kind[] kinds = Kind.values();
        return next(kinds[random.nextInt(kinds.length)], depth, mayFail);
    }

    Expr next(Kind kind, int depth, boolean mayFail) {
        failureAllowed = mayFail;
        return generate(kind, depth);
    }

    private Expr generate(Kind kind, int depth) {
        if (depth <= 0 || random.nextInt(5) == 0) {
            return leaf(kind);
        }
        List<Operation> candidates = new ArrayList<>();
        for (Operation operation : operations.producing(kind)) {
            if (failureAllowed || !operation.mayFail()) {
                candidates.add(operation);
            }
        }
        if (candidates.isEmpty()) {
            return leaf(kind);
        }
        Operation chosen = candidates.get(random.nextInt(candidates.size()));
        if (chosen.mayFail()) {
            failureAllowed = false;
        }
        List<Expr> args = new ArrayList<>();
        for (Operation.Param param : chosen.params()) {
            if (!param.literals().isEmpty()) {
                args.add(Expr.leaf(param.kind(), EdgeValues.pick(param.literals(), random)));
            } else {
                args.add(generate(param.kind(), depth - 1));
            }
        }
        return new Expr(kind, chosen.pattern(), args, chosen.mayFail());
    }

    /** A column of the kind most of the time, else a literal: an edge value, a typed null or a bare NULL. */
    private Expr leaf(Kind kind) {
        List<Column> ofKind = columns.stream().filter(c -> c.kind() == kind).toList();
        int choice = random.nextInt(10);
        if (!ofKind.isEmpty() && choice < 6) {
            return Expr.leaf(kind, ofKind.get(random.nextInt(ofKind.size())).name());
        }
        if (choice == 9) {
            return Expr.leaf(kind, Value.ofNull(kind).sql(decimalDdl));
        }
        Column model = ofKind.isEmpty() ? new Column("literal", kind, decimalDdl) : ofKind.get(0);
        return Expr.leaf(kind, EdgeValues.of(model, random).sql(model.ddl()));
    }
}
