package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * nanvl, nullif, nullifzero, zeroifnull, equal_null, isnan, and between and when written as functions, built as
 * Spark rewrites them (nullif(a, b) is {@code CASE WHEN a = b THEN NULL ELSE a END}, typed as {@code a}). Stateless.
 */
final class ConditionalFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("nanvl", "nullif", "nullifzero", "zeroifnull", "equal_null", "isnan",
            "between", "when");

    ConditionalFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        Operators operators = new Operators(analyzer);
        switch (name) {
            case "nanvl" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                boolean floats = args.stream().allMatch(a -> a.type() == AtomicType.FLOAT);
                DataType type = floats ? AtomicType.FLOAT : AtomicType.DOUBLE;
                List<Typed> numbers = args.stream().map(a -> analyzer.expect(a, type, name)).toList();
                return FunctionCatalog.call(name, numbers, type, numbers.stream().anyMatch(Typed::nullable),
                        call.span(), sql);
            }
            case "nullif", "nullifzero" -> {
                catalog.checkArity(call, args.size(), name.equals("nullif") ? 2 : 1, name.equals("nullif") ? 2 : 1);
                Typed value = args.get(0);
                Typed other = name.equals("nullif") ? args.get(1) : zero(call);
                Typed equal = operators.comparison(BinaryOp.EQ, value, other, call.span(), sql);
                return new Typed.CaseWhen(List.of(equal), List.of(new Typed.Constant(null, value.type(), call.span(),
                        "NULL")), value, value.type(), call.span(), sql);
            }
            case "zeroifnull" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                List<Typed> both = List.of(args.get(0), zero(call));
                DataType type = Coercion.commonType(both.stream().map(Typed::type).toList()).orElseThrow(
                        () -> analyzer.mismatch(args.get(0), name, "a numeric type"));
                List<Typed> coerced = both.stream().map(a -> analyzer.coerce(a, type)).toList();
                return FunctionCatalog.call("coalesce", coerced, type, false, call.span(), sql);
            }
            case "equal_null" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed.Comparison same = operators.comparison(BinaryOp.NULL_SAFE_EQ, args.get(0), args.get(1),
                        call.span(), sql);
                return same;
            }
            case "isnan" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = args.get(0).type() == AtomicType.FLOAT ? args.get(0)
                        : analyzer.expect(args.get(0), AtomicType.DOUBLE, name);
                return FunctionCatalog.call(name, List.of(value), AtomicType.BOOLEAN, false, call.span(), sql);
            }
            case "between" -> {
                catalog.checkArity(call, args.size(), 3, 3);
                Typed low = operators.comparison(BinaryOp.GE, args.get(0), args.get(1), call.span(), sql);
                Typed high = operators.comparison(BinaryOp.LE, args.get(0), args.get(2), call.span(), sql);
                return new Typed.Logical(true, low, high, call.span(), sql);
            }
            case "when" -> {
                return when(call, args);
            }
            default -> throw new AssertionError(name);
        }
    }

    private static Typed zero(Ast.Call call) {
        return new Typed.Constant(0L, AtomicType.INT, call.span(), "0");
    }

    /** when(cond1, value1[, cond2, value2] ...[, else]): Spark's CASE WHEN written as a call. */
    private Typed when(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, Integer.MAX_VALUE);
        List<Typed> conditions = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i + 1 < args.size(); i += 2) {
            conditions.add(analyzer.expect(args.get(i), AtomicType.BOOLEAN, "WHEN"));
            results.add(args.get(i + 1));
            sql.append(" WHEN ").append(args.get(i).sql()).append(" THEN ").append(args.get(i + 1).sql());
        }
        Typed otherwise = args.size() % 2 == 1 ? args.get(args.size() - 1)
                : new Typed.Constant(null, AtomicType.NULL, call.span(), "NULL");
        if (args.size() % 2 == 1) {
            sql.append(" ELSE ").append(otherwise.sql());
        }
        sql.append(" END");
        List<DataType> types = new ArrayList<>();
        results.forEach(r -> types.add(r.type()));
        types.add(otherwise.type());
        DataType type = Coercion.commonType(types).orElseThrow(() -> analyzer.error(ErrorCode.TYPE_MISMATCH,
                call.span(), "the results of 'when' have incompatible types"));
        return new Typed.CaseWhen(conditions, results.stream().map(r -> analyzer.coerce(r, type)).toList(),
                analyzer.coerce(otherwise, type), type, call.span(), sql.toString());
    }
}
