package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * aes_encrypt, aes_decrypt and try_aes_decrypt: Spark's defaults (GCM, DEFAULT padding, no IV or AAD) filled in and
 * shown in the generated name as Spark shows them; text arguments become their UTF-8 bytes. Stateless.
 */
final class CryptoFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("aes_encrypt", "aes_decrypt", "try_aes_decrypt");

    private static final DataType B = AtomicType.BINARY;
    private static final DataType S = AtomicType.STRING;

    CryptoFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        boolean encrypt = name.equals("aes_encrypt");
        // (input, key, mode, padding[, iv], aad): decryption takes no IV, it reads it from the input.
        List<DataType> params = encrypt ? List.of(B, B, S, S, B, B) : List.of(B, B, S, S, B);
        List<Object> defaults = encrypt ? List.of("GCM", "DEFAULT", "", "") : List.of("GCM", "DEFAULT", "");
        catalog.checkArity(call, args.size(), 2, params.size());
        List<Typed> all = new ArrayList<>(args);
        for (int i = args.size(); i < params.size(); i++) {
            Object value = defaults.get(i - 2);
            all.add(new Typed.Constant(value, S, call.span(), String.valueOf(value)));
        }
        List<Typed> typed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            typed.add(analyzer.expect(all.get(i), params.get(i), name));
        }
        return FunctionCatalog.call(name, typed, B, true, call.span(), FunctionCatalog.sqlName(call, all));
    }
}
