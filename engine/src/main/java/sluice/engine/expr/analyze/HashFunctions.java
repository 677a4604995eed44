package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;

/**
 * The hash functions: digests of a binary value (md5, sha1, sha2, crc32; a string is cast to its UTF-8 bytes) and
 * Spark's seeded hashes of any values (hash, xxhash64). Stateless.
 */
final class HashFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("md5", "sha", "sha1", "sha2", "crc32", "hash", "xxhash64");

    HashFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "md5", "sha", "sha1", "crc32" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed bytes = analyzer.expect(args.get(0), AtomicType.BINARY, name);
                String function = name.equals("sha") ? "sha1" : name;
                return FunctionCatalog.call(function, List.of(bytes),
                        name.equals("crc32") ? AtomicType.BIGINT : AtomicType.STRING, bytes.nullable(), call.span(),
                        sql);
            }
            case "sha2" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed bytes = analyzer.expect(args.get(0), AtomicType.BINARY, name);
                Typed bits = analyzer.expect(args.get(1), AtomicType.INT, name + " bit length");
                // A bit length other than 224, 256, 384, 512 or 0 gives null.
                return FunctionCatalog.call(name, List.of(bytes, bits), AtomicType.STRING, true, call.span(), sql);
            }
            case "hash", "xxhash64" -> {
                if (args.isEmpty()) {
                    throw analyzer.error(ErrorCode.WRONG_ARGUMENTS, call.span(),
                            "function '%s' takes at least 1 argument but 0 were given", call.function());
                }
                // Never null: a null argument leaves the running hash as it is.
                return FunctionCatalog.call(name, args, name.equals("hash") ? AtomicType.INT : AtomicType.BIGINT,
                        false, call.span(), sql);
            }
            default -> throw new AssertionError(name);
        }
    }
}
