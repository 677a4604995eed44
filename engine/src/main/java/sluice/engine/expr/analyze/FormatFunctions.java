package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * Functions that write values as text or read text as binary: format_number, format_string (printf) and to_binary
 * (try_to_binary), typed as Spark types them. Stateless.
 */
final class FormatFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("format_number", "format_string", "printf", "to_binary",
            "try_to_binary", "to_number", "try_to_number", "to_char", "to_varchar");
    private static final Set<String> BINARY_FORMATS = Set.of("hex", "utf-8", "utf8", "base64");

    FormatFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        switch (name) {
            case "format_number" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                // Spark casts nothing here: a number, and an INT of decimal places or a STRING pattern.
                Typed number = args.get(0);
                if (!number.type().isNumeric() && number.type() != AtomicType.NULL) {
                    throw analyzer.mismatch(number, name, "a numeric type");
                }
                Typed digits = args.get(1);
                if (digits.type() != AtomicType.INT && digits.type() != AtomicType.STRING
                        && digits.type() != AtomicType.NULL) {
                    throw analyzer.mismatch(digits, name + " decimal places", "INT or STRING");
                }
                return FunctionCatalog.call(name, args, AtomicType.STRING, true, call.span(), sql);
            }
            case "format_string", "printf" -> {
                return formatString(call, args, sql);
            }
            case "to_binary", "try_to_binary" -> {
                return toBinary(name, call, args, sql);
            }
            case "to_number", "try_to_number" -> {
                catalog.checkArity(call, args.size(), 2, 2);
                Typed text = analyzer.expect(args.get(0), AtomicType.STRING, name);
                NumberPattern pattern = pattern(name, args.get(1));
                DataType type = pattern == null ? new DecimalType(10, 0)
                        : new DecimalType(pattern.precision(), pattern.scale());
                return FunctionCatalog.call(name, List.of(text, analyzer.coerce(args.get(1), AtomicType.STRING)),
                        type, true, call.span(), sql);
            }
            case "to_char", "to_varchar" -> {
                return toChar(call, args);
            }
            default -> throw new AssertionError(name);
        }
    }

    private Typed formatString(Ast.Call call, List<Typed> args, String sql) {
        catalog.checkArity(call, args.size(), 1, Integer.MAX_VALUE);
        Typed pattern = analyzer.expect(args.get(0), AtomicType.STRING, "format_string");
        if (pattern instanceof Typed.Constant constant && constant.value() instanceof String text
                && text.contains("%0$")) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, pattern.span(), "format_string expects %s, but got %s",
                    "%1$, %2$ and so on", "%0$");
        }
        List<Typed> typed = new ArrayList<>(List.of(pattern));
        for (Typed arg : args.subList(1, args.size())) {
            DataType type = arg.type();
            // Spark formats its internal objects; for binaries, arrays and structs those print as object identities.
            if (!(type instanceof AtomicType) && !(type instanceof DecimalType) || type == AtomicType.BINARY) {
                throw analyzer.mismatch(arg, "format_string", "a number, string, boolean, date or timestamp");
            }
            typed.add(arg);
        }
        String function = call.function().toLowerCase(Locale.ROOT);
        return FunctionCatalog.call("format_string", typed, AtomicType.STRING, pattern.nullable(), call.span(),
                function + sql.substring(function.length()));
    }

    /**
     * to_char(expr, format): a date or timestamp by a datetime pattern (date_format), a binary as base64, hex or
     * utf-8, and a number (as a DECIMAL) by a number format; named as Spark names what it becomes.
     */
    private Typed toChar(Ast.Call call, List<Typed> args) {
        catalog.checkArity(call, args.size(), 2, 2);
        Typed value = args.get(0);
        Typed format = args.get(1);
        if (value.type() == AtomicType.DATE || value.type() == AtomicType.TIMESTAMP) {
            return catalog.resolveAs("date_format", new Ast.Call("date_format", call.args(), call.nameSpan(),
                    call.span()), args);
        }
        if (value.type() == AtomicType.BINARY) {
            if (!(format instanceof Typed.Constant constant) || !(constant.value() instanceof String text)) {
                throw analyzer.mismatch(format, call.function() + " format", "a constant STRING");
            }
            String kind = text.strip().toLowerCase(Locale.ROOT);
            Typed.Call converted = (Typed.Call) switch (kind) {
                case "base64", "hex" -> catalog.resolveAs(kind, new Ast.Call(kind, call.args().subList(0, 1),
                        call.nameSpan(), call.span()), List.of(value));
                case "utf-8" -> catalog.resolveAs("decode", new Ast.Call("decode", call.args(), call.nameSpan(),
                        call.span()), args);
                default -> throw analyzer.error(ErrorCode.TYPE_MISMATCH, format.span(),
                        "the format of a binary in %s must be 'base64', 'hex' or 'utf-8', not '%s'",
                        call.function(), text);
            };
            // Spark names what it builds (hex(x), decode(x, utf-8)), by the alias to_varchar when called so.
            String called = call.function().toLowerCase(Locale.ROOT);
            String sql = called.equals("to_varchar") ? called + converted.sql().substring(converted.sql().indexOf('('))
                    : converted.sql();
            return new Typed.Call(converted.function(), converted.args(), converted.type(), converted.nullable(),
                    converted.span(), sql);
        }
        Typed number = value.type() instanceof DecimalType ? value
                : analyzer.expect(value, value.type() == AtomicType.STRING ? new DecimalType(38, 18)
                        : value.type() == AtomicType.DOUBLE ? new DecimalType(30, 15)
                        : value.type() == AtomicType.FLOAT ? new DecimalType(14, 7)
                        : value.type().isNumeric() ? Coercion.decimalFor(value.type()) : value.type(), "to_char");
        if (!(number.type() instanceof DecimalType)) {
            throw analyzer.mismatch(value, "to_char", "a number, date, timestamp or binary");
        }
        pattern("to_char", format);
        String sql = "to_char(" + value.sql() + ", " + format.sql() + ")";
        return FunctionCatalog.call("to_char", List.of(number, analyzer.coerce(format, AtomicType.STRING)),
                AtomicType.STRING, true, call.span(), sql);
    }

    /** The number format of to_number or to_char: a constant, checked as Spark checks it; null for a NULL one. */
    private NumberPattern pattern(String name, Typed format) {
        Typed text = analyzer.expect(format, AtomicType.STRING, name + " format");
        if (!(text instanceof Typed.Constant constant)) {
            throw analyzer.mismatch(format, name + " format", "a constant STRING");
        }
        if (constant.value() == null) {
            return null;
        }
        NumberPattern pattern = NumberPattern.of((String) constant.value());
        pattern.problem().ifPresent(problem -> {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, format.span(), "%s", problem);
        });
        if (pattern.precision() > DecimalType.MAX_PRECISION) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, format.span(),
                    "the format '%s' has %d digits, more than a DECIMAL holds (38)", constant.value(),
                    pattern.precision());
        }
        return pattern;
    }

    /** to_binary(str[, fmt]): the format a constant hex (the default), utf-8, utf8 or base64, in any case. */
    private Typed toBinary(String name, Ast.Call call, List<Typed> args, String sql) {
        catalog.checkArity(call, args.size(), 1, 2);
        Typed text = analyzer.expect(args.get(0), AtomicType.STRING, name);
        String format = "hex";
        if (args.size() == 2) {
            Typed fmt = analyzer.expect(args.get(1), AtomicType.STRING, name + " format");
            if (!(fmt instanceof Typed.Constant constant)) {
                throw analyzer.mismatch(fmt, name + " format", "a constant STRING");
            }
            format = constant.value() == null ? null : ((String) constant.value()).toLowerCase(Locale.ROOT);
            boolean known = format == null || BINARY_FORMATS.contains(format);
            if (!known && name.equals("to_binary")) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, fmt.span(),
                        "the format of to_binary must be 'hex', 'utf-8', 'utf8' or 'base64', not '%s'",
                        constant.value());
            }
            if (!known) {
                format = null;
            }
        }
        // An unknown or NULL format gives NULL; try_to_binary gives NULL for malformed text too.
        Typed formatArg = new Typed.Constant(format, AtomicType.STRING, call.span(), String.valueOf(format));
        return FunctionCatalog.call(name, List.of(text, formatArg), AtomicType.BINARY, true, call.span(), sql);
    }
}
