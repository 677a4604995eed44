package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Set;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.DataType;

/**
 * Spark's {@code try_} functions over operations Sluice has: the same typing as the plain operation, with null
 * instead of the runtime error. Named {@code try_add(a, b)} as Spark names them. Stateless.
 */
final class TryFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("try_add", "try_subtract", "try_multiply", "try_divide", "try_mod",
            "try_element_at", "try_to_date", "try_to_timestamp");

    TryFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        return switch (name) {
            case "try_add" -> arithmetic(BinaryOp.ADD, name, call, args);
            case "try_subtract" -> arithmetic(BinaryOp.SUBTRACT, name, call, args);
            case "try_multiply" -> arithmetic(BinaryOp.MULTIPLY, name, call, args);
            case "try_divide" -> arithmetic(BinaryOp.DIVIDE, name, call, args);
            case "try_mod" -> arithmetic(BinaryOp.REMAINDER, name, call, args);
            case "try_element_at" -> elementAt(catalog.resolveAs("element_at", call, args), call, args);
            case "try_to_date", "try_to_timestamp" -> parseDateTime(catalog.resolveAs(name.substring(4), call, args),
                    call, args);
            default -> throw new AssertionError(name);
        };
    }

    /**
     * Spark types {@code try_add(a, b)} as {@code a + b}. On two numbers it is that operator in TRY mode, where only
     * the operator's own overflow or division by zero gives null; on anything else (a date, an interval, a string
     * read as a number) it is the operator under TryEval, where any failure inside gives null.
     */
    private Typed arithmetic(BinaryOp op, String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 2);
        Typed left = args.get(0);
        Typed right = args.get(1);
        String sql = FunctionCatalog.sqlName(call, args);
        Typed plain = new Arithmetics(analyzer).arithmetic(op, "'" + name + "'", left, right, call.span(), sql);
        if (left.type().isNumeric() && right.type().isNumeric() && plain instanceof Typed.Arithmetic arithmetic) {
            return arithmetic.asTry();
        }
        return new Typed.TryEval(plain, call.span(), sql);
    }

    // Spark's try_element_at is element_at returning null for an index past either end (index 0 is still an error);
    // on a map it is element_at.
    private Typed elementAt(Typed plain, Ast.Call call, List<Typed> args) {
        Typed.Call elementAt = (Typed.Call) plain;
        return new Typed.Call("try_element_at", elementAt.args(), elementAt.type(), true, call.span(),
                FunctionCatalog.sqlName(call, args));
    }

    /** to_date or to_timestamp returning null for text it cannot read: a TRY_CAST, or the pattern parse. */
    private Typed parseDateTime(Typed plain, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        if (plain instanceof Typed.Cast cast) {
            return new Typed.Cast(cast.operand(), cast.type(), true, call.span(), sql);
        }
        Typed.Call parse = (Typed.Call) plain;
        DataType type = parse.type();
        return new Typed.Call("try_" + parse.function(), parse.args(), type, true, call.span(), sql);
    }
}
