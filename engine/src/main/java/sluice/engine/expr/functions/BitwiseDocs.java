package sluice.engine.expr.functions;

import java.util.List;

/** The bitwise operators and functions (Spark's bitwise_funcs). */
final class BitwiseDocs {
    private BitwiseDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.BITWISE)
                .operator("&", "expr1 & expr2", "Bitwise and of two integral values", "12 & 10", "8")
                .operator("|", "expr1 | expr2", "Bitwise or of two integral values", "12 | 10", "14")
                .operator("^", "expr1 ^ expr2", "Bitwise exclusive or of two integral values", "12 ^ 10", "6")
                .operator("~", "~ expr", "Bitwise not of an integral value", "~ 12", "-13")
                .operator("<<", "base << expr", "shiftleft(base, expr)", "1 << 4", "16")
                .operator(">>", "base >> expr", "shiftright(base, expr)", "-16 >> 2", "-4")
                .operator(">>>", "base >>> expr", "shiftrightunsigned(base, expr)", "-16 >>> 28", "15")
                .add("shiftleft", "shiftleft(base, expr)",
                        "An INT or BIGINT shifted left by expr bits (taken modulo its width)", "shiftleft(1, 4)", "16")
                .add("shiftright", "shiftright(base, expr)",
                        "An INT or BIGINT shifted right by expr bits, keeping its sign", "shiftright(-16, 2)", "-4")
                .add("shiftrightunsigned", "shiftrightunsigned(base, expr)",
                        "An INT or BIGINT shifted right by expr bits, filling with zeros",
                        "shiftrightunsigned(-16, 28)", "15")
                .add("bit_count", "bit_count(expr)",
                        "How many bits are set in an integral value (as a BIGINT) or a boolean", "bit_count(7)", "3")
                .add("bit_get getbit", "bit_get(expr, pos)",
                        "The bit (0 or 1) at pos, counted from 0 at the lowest", "bit_get(11, 3)", "1")
                .functions();
    }
}
