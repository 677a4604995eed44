package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * Casts written as functions, {@code int(x)} for {@code CAST(x AS INT)} and so on: ANSI casts that Spark names after
 * their argument alone. Stateless.
 */
final class ConversionFunctions extends AnalyzedFamily {
    static final Map<String, DataType> TARGETS = new TreeMap<>(Map.ofEntries(
            Map.entry("boolean", AtomicType.BOOLEAN), Map.entry("tinyint", AtomicType.TINYINT),
            Map.entry("smallint", AtomicType.SMALLINT), Map.entry("int", AtomicType.INT),
            Map.entry("bigint", AtomicType.BIGINT), Map.entry("float", AtomicType.FLOAT),
            Map.entry("double", AtomicType.DOUBLE), Map.entry("decimal", new DecimalType(10, 0)),
            Map.entry("string", AtomicType.STRING), Map.entry("binary", AtomicType.BINARY),
            Map.entry("date", AtomicType.DATE), Map.entry("timestamp", AtomicType.TIMESTAMP)));

    ConversionFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(TARGETS.keySet(), analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 1);
        Typed value = args.get(0);
        DataType target = TARGETS.get(name);
        if (!Coercion.canCast(value.type(), target)) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, call.span(), "cannot cast %s to %s", value.type().sql(),
                    target.sql());
        }
        return new Typed.Cast(value, target, false, call.span(), value.sql());
    }
}
