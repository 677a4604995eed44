package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Set;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;

/** parse_url, try_parse_url, url_encode, url_decode and try_url_decode, typed as Spark types them. Stateless. */
final class UrlFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("parse_url", "try_parse_url", "url_encode", "url_decode",
            "try_url_decode");

    UrlFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        if (name.endsWith("parse_url")) {
            catalog.checkArity(call, args.size(), 2, 3);
            // Spark casts nothing here: every argument must be a string already.
            for (Typed arg : args) {
                if (arg.type() != AtomicType.STRING && arg.type() != AtomicType.NULL) {
                    throw analyzer.mismatch(arg, name, "STRING");
                }
            }
            List<Typed> strings = args.stream().map(a -> analyzer.coerce(a, AtomicType.STRING)).toList();
            return FunctionCatalog.call(name, strings, AtomicType.STRING, true, call.span(), sql);
        }
        catalog.checkArity(call, args.size(), 1, 1);
        Typed text = analyzer.expect(args.get(0), AtomicType.STRING, name);
        return FunctionCatalog.call(name, List.of(text), AtomicType.STRING,
                text.nullable() || name.equals("try_url_decode"), call.span(), sql);
    }
}
