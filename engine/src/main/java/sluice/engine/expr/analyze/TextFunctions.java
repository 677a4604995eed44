package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * The string functions whose typing is more than a fixed signature: optional arguments with Spark's defaults
 * (which Spark prints in the generated name), STRING or BINARY arguments, and Spark's names for the trim forms.
 * Arguments are cast to STRING as Spark's implicit casts do. Stateless.
 */
final class TextFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("ascii", "chr", "char", "soundex", "levenshtein", "repeat", "replace",
            "translate", "left", "right", "locate", "position", "overlay", "split_part", "substring_index", "btrim",
            "trim", "ltrim", "rtrim", "startswith", "endswith", "contains", "find_in_set", "elt", "space", "quote",
            "len", "lpad", "rpad", "substring", "substr", "luhn_check", "mask", "is_valid_utf8", "make_valid_utf8",
            "validate_utf8", "try_validate_utf8", "sentences", "collate", "collation");

    private static final DataType S = AtomicType.STRING;
    private static final DataType I = AtomicType.INT;

    TextFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        switch (name) {
            case "ascii" -> {
                return plain(name, call, args, I, S);
            }
            case "chr", "char" -> {
                return plain("chr", call, args, S, AtomicType.BIGINT);
            }
            case "soundex" -> {
                // Spark takes only strings here (ExpectsInputTypes): no cast from other types.
                catalog.checkArity(call, args.size(), 1, 1);
                if (args.get(0).type() != S && args.get(0).type() != AtomicType.NULL) {
                    throw analyzer.mismatch(args.get(0), name, "STRING");
                }
                return plain(name, call, args, S, S);
            }
            case "space" -> {
                return plain(name, call, args, S, I);
            }
            case "quote" -> {
                return plain(name, call, args, S, S);
            }
            case "make_valid_utf8", "validate_utf8", "try_validate_utf8", "is_valid_utf8" -> {
                // A binary argument is checked as bytes: Spark casts it to a string that keeps invalid UTF-8.
                catalog.checkArity(call, args.size(), 1, 1);
                Typed value = stringOrBinary(args.get(0), name);
                DataType result = name.equals("is_valid_utf8") ? AtomicType.BOOLEAN : S;
                return FunctionCatalog.call(name, List.of(value), result,
                        value.nullable() || name.equals("try_validate_utf8"), call.span(),
                        FunctionCatalog.sqlName(call, args));
            }
            case "luhn_check" -> {
                return plain(name, call, args, AtomicType.BOOLEAN, S);
            }
            case "len" -> {
                return catalog.resolveAs("length", call, args);
            }
            case "levenshtein" -> {
                catalog.checkArity(call, args.size(), 2, 3);
                return typed(name, call, args, I, S, S, I);
            }
            case "repeat" -> {
                return plain(name, call, args, S, S, I);
            }
            case "translate", "substring_index" -> {
                return plain(name, call, args, S, S, S, name.equals("translate") ? S : I);
            }
            case "find_in_set" -> {
                return plain(name, call, args, I, S, S);
            }
            case "split_part" -> {
                return plain(name, call, args, S, S, S, I);
            }
            case "replace" -> {
                catalog.checkArity(call, args.size(), 2, 3);
                return withDefaults(name, call, args, S, List.of(S, S, S), List.of(constant("", S, call)));
            }
            case "locate", "position" -> {
                catalog.checkArity(call, args.size(), 2, 3);
                // A null start gives 0, not null.
                return withDefaults(name, call, args, I, List.of(S, S, I), List.of(constant(1L, I, call)));
            }
            case "startswith", "endswith", "contains" -> {
                return predicate(name, call, args);
            }
            case "left", "right", "substring", "substr" -> {
                return slice(name, call, args);
            }
            case "overlay" -> {
                return overlay(call, args);
            }
            case "lpad", "rpad" -> {
                return pad(name, call, args);
            }
            case "trim", "ltrim", "rtrim", "btrim" -> {
                return trim(name, call, args);
            }
            case "elt" -> {
                return elt(call, args);
            }
            case "mask" -> {
                return mask(call, args);
            }
            case "sentences" -> {
                catalog.checkArity(call, args.size(), 1, 3);
                List<Typed> all = new ArrayList<>(args);
                while (all.size() < 3) {
                    all.add(constant("", S, call));
                }
                List<Typed> strings = all.stream().map(a -> analyzer.expect(a, S, name)).toList();
                DataType words = new sluice.engine.types.ArrayType(new sluice.engine.types.ArrayType(S, true), true);
                return FunctionCatalog.call(name, strings, words, true, call.span(),
                        FunctionCatalog.sqlName(call, all));
            }
            case "collation" -> {
                catalog.checkArity(call, args.size(), 1, 1);
                if (args.get(0).type() != S) {
                    throw analyzer.mismatch(args.get(0), name, "STRING");
                }
                return FunctionCatalog.call(name, args, S, false, call.span(), FunctionCatalog.sqlName(call, args));
            }
            case "collate" -> {
                return collate(call, args);
            }
            default -> throw new AssertionError(name);
        }
    }

    /**
     * mask(str[, upper, lower, digit, other]): each replacement a constant of one character, or NULL to keep that
     * class of characters; strings only (Spark casts nothing here).
     */
    private Typed mask(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 5);
        String[] names = {"str", "upperChar", "lowerChar", "digitChar", "otherChar"};
        for (int i = 0; i < args.size(); i++) {
            Typed arg = args.get(i);
            if (arg.type() != S && arg.type() != AtomicType.NULL) {
                throw analyzer.mismatch(arg, "mask " + names[i], "STRING");
            }
            if (i > 0 && !(arg instanceof Typed.Constant)) {
                throw analyzer.mismatch(arg, "mask " + names[i], "a constant STRING");
            }
            if (i > 0 && arg instanceof Typed.Constant constant && constant.value() instanceof String text
                    && text.codePointCount(0, text.length()) != 1) {
                throw analyzer.error(sluice.engine.diag.ErrorCode.TYPE_MISMATCH, arg.span(),
                        "mask %s must be one character, not '%s'", names[i], text);
            }
        }
        List<Object> defaults = List.of("X", "x", "n");
        List<Typed> masks = new ArrayList<>(args);
        for (int i = args.size(); i < 5; i++) {
            masks.add(i <= 3 ? constant(defaults.get(i - 1), S, call)
                    : new Typed.Constant(null, S, call.span(), "NULL"));
        }
        List<Typed> strings = masks.stream().map(a -> analyzer.coerce(a, S)).toList();
        return FunctionCatalog.call("mask", strings, S, strings.get(0).nullable(), call.span(),
                FunctionCatalog.sqlName(call, masks));
    }

    /**
     * collate(str, name): Sluice compares strings by their UTF-8 bytes only, Spark's default UTF8_BINARY, so that is
     * the one collation it takes; collate is then the string itself.
     */
    private Typed collate(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 2);
        if (args.get(0).type() != S) {
            throw analyzer.mismatch(args.get(0), "collate", "STRING");
        }
        Typed collation = args.get(1);
        if (!(collation instanceof Typed.Constant constant) || !(constant.value() instanceof String name)) {
            throw analyzer.mismatch(collation, "collate collation", "a constant STRING");
        }
        if (!name.equalsIgnoreCase("UTF8_BINARY")) {
            throw analyzer.error(sluice.engine.diag.ErrorCode.TYPE_MISMATCH, collation.span(),
                    "collation '%s' is not in Sluice, which compares strings by their bytes (UTF8_BINARY) only", name);
        }
        return FunctionCatalog.call("collate", List.of(args.get(0)), S, args.get(0).nullable(), call.span(),
                FunctionCatalog.sqlName(call, args));
    }

    /** Every parameter required, each argument cast to its type; the result nullable when any argument is. */
    private Typed plain(String function, Ast.Call call, List<Typed> args, DataType result, DataType... params) {
        catalog.checkArity(call, args.size(), params.length, params.length);
        return typed(function, call, args, result, params);
    }

    /** The arguments (no more than {@code params}) cast to their types. */
    private Typed typed(String function, Ast.Call call, List<Typed> args, DataType result, DataType... params) {
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            coerced.add(analyzer.expect(args.get(i), params[i], call.function()));
        }
        return FunctionCatalog.call(function, coerced, result, coerced.stream().anyMatch(Typed::nullable),
                call.span(), FunctionCatalog.sqlName(call, args));
    }

    /** Missing trailing arguments take Spark's defaults, which Spark's generated name shows. */
    private Typed withDefaults(String function, Ast.Call call, List<Typed> args, DataType result,
            List<DataType> params, List<Typed> defaults) {
        List<Typed> all = new ArrayList<>(args);
        for (int i = args.size(); i < params.size(); i++) {
            all.add(defaults.get(i - (params.size() - defaults.size())));
        }
        List<Typed> coerced = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            coerced.add(analyzer.expect(all.get(i), params.get(i), call.function()));
        }
        return FunctionCatalog.call(function, coerced, result, coerced.stream().anyMatch(Typed::nullable),
                call.span(), FunctionCatalog.sqlName(call, all));
    }

    private static Typed constant(Object value, DataType type, Ast.Call call) {
        return new Typed.Constant(value, type, call.span(), String.valueOf(value));
    }

    /** Spark's TypeCollection(STRING, BINARY): a binary value stays binary, anything else becomes a string. */
    private Typed stringOrBinary(Typed value, String function) {
        return value.type() == AtomicType.BINARY ? value : analyzer.expect(value, S, function);
    }

    private Typed predicate(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 2);
        boolean binary = args.stream().allMatch(a -> a.type() == AtomicType.BINARY);
        DataType type = binary ? AtomicType.BINARY : S;
        List<Typed> coerced = args.stream().map(a -> analyzer.expect(a, type, name)).toList();
        return FunctionCatalog.call(name, coerced, AtomicType.BOOLEAN, coerced.stream().anyMatch(Typed::nullable),
                call.span(), FunctionCatalog.sqlName(call, args));
    }

    /**
     * substring(str, pos[, len]), left(str, len) and right(str, len): a binary value is cut in bytes, a string in
     * characters. Spark rewrites left and right to substring but names them as called.
     */
    private Typed slice(String name, Ast.Call call, List<Typed> args) {
        boolean substring = name.equals("substring") || name.equals("substr");
        catalog.checkArity(call, args.size(), 2, substring ? 3 : 2);
        // right takes a STRING only (Spark casts a binary to it); left and substring keep a binary.
        Typed value = name.equals("right") ? analyzer.expect(args.get(0), S, name)
                : stringOrBinary(args.get(0), name);
        List<Typed> coerced = new ArrayList<>();
        coerced.add(value);
        for (int i = 1; i < args.size(); i++) {
            coerced.add(analyzer.expect(args.get(i), I, name));
        }
        List<Typed> named = args;
        if (substring && args.size() == 2) {
            Typed all = constant((long) Integer.MAX_VALUE, I, call);
            coerced.add(all);
            named = List.of(args.get(0), args.get(1), all);
        }
        String function = substring ? "substring" : name;
        return FunctionCatalog.call(function, coerced, value.type(), coerced.stream().anyMatch(Typed::nullable),
                call.span(), FunctionCatalog.sqlName(call, named));
    }

    private Typed overlay(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 3, 4);
        boolean binary = args.get(0).type() == AtomicType.BINARY && args.get(1).type() == AtomicType.BINARY;
        DataType type = binary ? AtomicType.BINARY : S;
        List<Typed> all = new ArrayList<>(args);
        if (args.size() == 3) {
            all.add(constant(-1L, I, call));
        }
        List<Typed> coerced = List.of(analyzer.expect(all.get(0), type, "overlay"),
                analyzer.expect(all.get(1), type, "overlay"), analyzer.expect(all.get(2), I, "overlay"),
                analyzer.expect(all.get(3), I, "overlay"));
        return FunctionCatalog.call("overlay", coerced, type, coerced.stream().anyMatch(Typed::nullable),
                call.span(), FunctionCatalog.sqlName(call, all));
    }

    /** lpad and rpad: on a binary value with a binary pad (zero bytes by default), bytes; else characters. */
    private Typed pad(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 3);
        boolean binary = args.get(0).type() == AtomicType.BINARY
                && (args.size() == 2 || args.get(2).type() == AtomicType.BINARY);
        DataType type = binary ? AtomicType.BINARY : S;
        List<Typed> all = new ArrayList<>(args);
        if (args.size() == 2) {
            Object pad = binary ? sluice.engine.types.Bytes.of((byte) 0) : " ";
            all.add(new Typed.Constant(pad, type, call.span(), binary ? "X'00'" : " "));
        }
        List<Typed> coerced = List.of(analyzer.expect(all.get(0), type, name),
                analyzer.expect(all.get(1), I, name), analyzer.expect(all.get(2), type, name));
        return FunctionCatalog.call(name, coerced, type, coerced.stream().anyMatch(Typed::nullable), call.span(),
                FunctionCatalog.sqlName(call, all));
    }

    /**
     * trim, ltrim and rtrim take (str) or (trimStr, str) and name the second form {@code TRIM(BOTH x FROM s)};
     * btrim takes (str[, trimStr]) and keeps its name. The typed call is always (str[, trimStr]).
     */
    private Typed trim(String name, Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 1, 2);
        List<Typed> strings = args.stream().map(a -> analyzer.expect(a, S, name)).toList();
        boolean both = name.equals("btrim");
        String function = both ? "trim" : name;
        if (args.size() == 1) {
            return FunctionCatalog.call(function, strings, S, strings.get(0).nullable(), call.span(),
                    FunctionCatalog.sqlName(call, args));
        }
        Typed str = both ? strings.get(0) : strings.get(1);
        Typed trimStr = both ? strings.get(1) : strings.get(0);
        String direction = switch (name) {
            case "ltrim" -> "LEADING";
            case "rtrim" -> "TRAILING";
            default -> "BOTH";
        };
        String sql = both ? FunctionCatalog.sqlName(call, args)
                : "TRIM(" + direction + " " + args.get(0).sql() + " FROM " + args.get(1).sql() + ")";
        return FunctionCatalog.call(function, List.of(str, trimStr), S, str.nullable() || trimStr.nullable(),
                call.span(), sql);
    }

    /** elt(n, v1, v2, ...): the values are all STRING or all BINARY; the index an INT. */
    private Typed elt(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, Integer.MAX_VALUE);
        List<Typed> values = args.subList(1, args.size());
        boolean binary = values.stream().allMatch(a -> a.type() == AtomicType.BINARY);
        DataType type = binary ? AtomicType.BINARY : S;
        List<Typed> coerced = new ArrayList<>();
        coerced.add(analyzer.expect(args.get(0), I, "elt index"));
        values.forEach(v -> coerced.add(analyzer.expect(v, type, "elt")));
        return FunctionCatalog.call("elt", coerced, type, true, call.span(), FunctionCatalog.sqlName(call, args));
    }
}
