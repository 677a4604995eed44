package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Set;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;

/**
 * The bitwise functions: shiftleft, shiftright, shiftrightunsigned, bit_count and bit_get (getbit), typed as Spark
 * types them. Stateless.
 */
final class BitwiseFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("shiftleft", "shiftright", "shiftrightunsigned", "bit_count", "bit_get",
            "getbit");

    private final BitwiseOperators operators;

    BitwiseFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
        this.operators = new BitwiseOperators(analyzer);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "shiftleft", "shiftright", "shiftrightunsigned" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return operators.shift(name, args.get(0), args.get(1), call.span(), sql);
            }
            case "bit_count" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = args.get(0).type() == AtomicType.BOOLEAN ? args.get(0)
                        : operators.integral(args.get(0), name);
                return FunctionCatalog.call(name, List.of(value), AtomicType.INT, value.nullable(), call.span(), sql);
            }
            case "bit_get", "getbit" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed value = operators.integral(args.get(0), name);
                Typed position = analyzer.expect(args.get(1), AtomicType.INT, name + " position");
                return FunctionCatalog.call("bit_get", List.of(value, position), AtomicType.TINYINT,
                        value.nullable() || position.nullable(), call.span(), sql);
            }
            default -> throw new AssertionError(name);
        }
    }

}
