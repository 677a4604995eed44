package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Ast.BinaryOp;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * The functions over STRING or BINARY values: lengths in characters, bytes and bits, hex and base64 text, and
 * encode and decode with a character set. Types their arguments as Spark's implicit casts do. Stateless.
 */
final class BinaryFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("length", "char_length", "character_length", "octet_length",
            "bit_length", "hex", "unhex", "base64", "unbase64", "encode", "decode");

    BinaryFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "length", "char_length", "character_length", "octet_length", "bit_length" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = stringOrBinary(args.get(0), name);
                return call(name, call, List.of(value), AtomicType.INT, value.nullable(), sql);
            }
            case "hex" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = hexArgument(args.get(0));
                return call(name, call, List.of(value), AtomicType.STRING, value.nullable(), sql);
            }
            case "unhex", "unbase64" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed text = analyzer.expect(args.get(0), AtomicType.STRING, name);
                // unhex is null for a character that is not a hex digit; unbase64 fails instead.
                boolean nullable = name.equals("unhex") || text.nullable();
                return call(name, call, List.of(text), AtomicType.BINARY, nullable, sql);
            }
            case "base64" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                Typed bytes = analyzer.expect(args.get(0), AtomicType.BINARY, name);
                return call(name, call, List.of(bytes), AtomicType.STRING, bytes.nullable(), sql);
            }
            case "encode" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return withCharset(name, call, analyzer.expect(args.get(0), AtomicType.STRING, name), args.get(1),
                        AtomicType.BINARY, sql);
            }
            case "decode" -> {
                catalog.checkArity(call, args.size(), 2, Integer.MAX_VALUE);
                if (args.size() > 2) {
                    return decodeCases(call, args, sql);
                }
                return withCharset(name, call, analyzer.expect(args.get(0), AtomicType.BINARY, name), args.get(1),
                        AtomicType.STRING, sql);
            }
            default -> throw new AssertionError(name);
        }
    }

    private Typed call(String name, Ast.Call call, List<Typed> args, DataType type, boolean nullable, String sql) {
        return FunctionCatalog.call(name, args, type, nullable, call.span(), sql);
    }

    /** Spark's TypeCollection(STRING, BINARY): binary stays binary, anything else is cast to a string. */
    private Typed stringOrBinary(Typed value, String function) {
        return value.type() == AtomicType.BINARY ? value : analyzer.expect(value, AtomicType.STRING, function);
    }

    /**
     * hex takes BIGINT, BINARY or STRING, in that order of preference: every number goes to BIGINT (a fraction by
     * Spark's ANSI store assignment, which truncates it and fails on overflow), anything else to a string.
     */
    private Typed hexArgument(Typed value) {
        DataType type = value.type();
        if (type == AtomicType.BINARY || type == AtomicType.STRING) {
            return value;
        } else if (type.isNumeric() || type == AtomicType.NULL) {
            return analyzer.coerce(value, AtomicType.BIGINT);
        }
        return analyzer.expect(value, AtomicType.STRING, "hex");
    }

    private Typed withCharset(String name, Ast.Call call, Typed value, Typed charset, DataType result, String sql) {
        Typed charsetName = analyzer.expect(charset, AtomicType.STRING, name + " charset");
        return call(name, call, List.of(value, charsetName), result, value.nullable() || charsetName.nullable(), sql);
    }

    /**
     * {@code decode(expr, search, result [, search, result] ... [, default])}: Spark rewrites it to
     * {@code CASE WHEN expr <=> search THEN result ... ELSE default END}, whose default without one is a STRING null
     * (so the results also find a common type with STRING).
     */
    private Typed decodeCases(Ast.Call call, List<Typed> args, String sql) {
        Operators operators = new Operators(analyzer);
        Typed input = args.get(0);
        List<Typed> conditions = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        for (int i = 1; i + 1 < args.size(); i += 2) {
            Typed search = args.get(i);
            conditions.add(operators.comparison(BinaryOp.NULL_SAFE_EQ, input, search, search.span(),
                    "(" + input.sql() + " <=> " + search.sql() + ")"));
            results.add(args.get(i + 1));
        }
        Typed otherwise = args.size() % 2 == 0 ? args.get(args.size() - 1)
                : new Typed.Constant(null, AtomicType.STRING, call.span(), "NULL");
        List<DataType> types = new ArrayList<>();
        results.forEach(r -> types.add(r.type()));
        types.add(otherwise.type());
        DataType type = Coercion.commonType(types).orElseThrow(() -> analyzer.error(ErrorCode.TYPE_MISMATCH,
                call.span(), "the results of 'decode' have incompatible types %s",
                types.stream().map(DataType::sql).distinct().collect(Collectors.joining(", "))));
        List<Typed> coerced = results.stream().map(r -> analyzer.coerce(r, type)).toList();
        return new Typed.CaseWhen(conditions, coerced, analyzer.coerce(otherwise, type), type, call.span(), sql);
    }
}
