package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;

/**
 * LIKE, ILIKE and regular expressions written as functions: like, ilike, rlike (regexp, regexp_like),
 * regexp_count, regexp_extract_all, regexp_substr and regexp_instr, named as Spark names them. Stateless.
 */
final class RegexFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("like", "ilike", "rlike", "regexp", "regexp_like", "regexp_count",
            "regexp_extract_all", "regexp_substr", "regexp_instr", "regexp_replace");

    private static final DataType S = AtomicType.STRING;

    RegexFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        switch (name) {
            case "like", "ilike" -> {
                catalog.checkArity(call, args.size(), 2, 3);
                Typed value = analyzer.expect(args.get(0), S, name);
                Typed pattern = analyzer.expect(args.get(1), S, name);
                char escape = args.size() == 3 ? escape(args.get(2)) : '\\';
                Typed escapeChar = new Typed.Constant(String.valueOf(escape), S, call.span(), "");
                // Spark's like(a, b) is the operator a LIKE b; ilike keeps its call form.
                String sql = name.equals("ilike") ? "ilike(" + args.get(0).sql() + ", " + args.get(1).sql() + ")"
                        : args.get(0).sql() + " LIKE " + args.get(1).sql() + (escape == '\\' ? ""
                        : " ESCAPE '" + escape + "'");
                return FunctionCatalog.call(name, List.of(value, pattern, escapeChar), AtomicType.BOOLEAN,
                        value.nullable() || pattern.nullable(), call.span(), sql);
            }
            case "rlike", "regexp", "regexp_like" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                List<Typed> strings = strings(name, args);
                String sql = name.toUpperCase(Locale.ROOT) + "(" + args.get(0).sql() + ", " + args.get(1).sql() + ")";
                return FunctionCatalog.call("rlike", strings, AtomicType.BOOLEAN, anyNullable(strings), call.span(),
                        sql);
            }
            case "regexp_count" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                List<Typed> strings = strings(name, args);
                return FunctionCatalog.call(name, strings, AtomicType.INT, anyNullable(strings), call.span(),
                        FunctionCatalog.sqlName(call, args));
            }
            case "regexp_substr" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                return FunctionCatalog.call(name, strings(name, args), S, true, call.span(),
                        FunctionCatalog.sqlName(call, args));
            }
            case "regexp_extract_all", "regexp_instr" -> {
                catalog.checkArity(call, args.size(), 2, 3);
                boolean all = name.equals("regexp_extract_all");
                List<Typed> named = new ArrayList<>(args);
                if (args.size() == 2) {
                    long group = all ? 1L : 0L;
                    named.add(new Typed.Constant(group, AtomicType.INT, call.span(), Long.toString(group)));
                }
                List<Typed> typed = new ArrayList<>(strings(name, named.subList(0, 2)));
                typed.add(analyzer.expect(named.get(2), AtomicType.INT, name + " group index"));
                DataType result = all ? new ArrayType(S, false) : AtomicType.INT;
                return FunctionCatalog.call(name, typed, result, anyNullable(typed), call.span(),
                        FunctionCatalog.sqlName(call, named));
            }
            case "regexp_replace" -> {
                return replace(call, args);
            }
            default -> throw new AssertionError(name);
        }
    }

    /** regexp_replace(str, regexp, rep[, position]): the position a constant above 0 (1 by default). */
    private Typed replace(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 3, 4);
        List<Typed> named = new ArrayList<>(args);
        if (args.size() == 3) {
            named.add(new Typed.Constant(1L, AtomicType.INT, call.span(), "1"));
        }
        Typed position = analyzer.expect(named.get(3), AtomicType.INT, "regexp_replace position");
        if (!(position instanceof Typed.Constant constant)) {
            throw analyzer.mismatch(position, "regexp_replace position", "a constant INT");
        }
        if (constant.value() instanceof Long at && at <= 0) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, position.span(),
                    "the position of regexp_replace must be between 1 and %d, not %d", Integer.MAX_VALUE, at);
        }
        List<Typed> typed = new ArrayList<>(strings("regexp_replace", named.subList(0, 3)));
        typed.add(position);
        return FunctionCatalog.call("regexp_replace", typed, S, anyNullable(typed), call.span(),
                FunctionCatalog.sqlName(call, named));
    }

    private List<Typed> strings(String name, List<Typed> args) {
        return args.stream().map(a -> analyzer.expect(a, S, name)).toList();
    }

    private static boolean anyNullable(List<Typed> args) {
        return args.stream().anyMatch(Typed::nullable);
    }

    /** Spark's escape character: a constant string of exactly one character. */
    private char escape(Typed arg) {
        if (arg instanceof Typed.Constant constant && constant.value() instanceof String text
                && text.length() == 1) {
            return text.charAt(0);
        }
        throw analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(),
                "the escape character must be a string literal of length one, but got %s", arg.sql());
    }
}
