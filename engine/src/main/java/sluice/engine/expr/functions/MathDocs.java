package sluice.engine.expr.functions;

import java.util.List;

/** The numeric functions and arithmetic operators (Spark's math_funcs). */
final class MathDocs {
    private MathDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.MATH)
                .operator("+", "expr1 + expr2", "The sum; also a date or timestamp plus an interval",
                        "2147483647L + 1", "2147483648")
                .operator("-", "expr1 - expr2", "The difference; also a date or timestamp minus an interval",
                        "7 - 10", "-3")
                .operator("*", "expr1 * expr2", "The product", "1.5 * 3", "4.5")
                .operator("/", "expr1 / expr2", "The quotient, as a DOUBLE (a DECIMAL for decimals)", "7 / 2", "3.5")
                .operator("%", "expr1 % expr2", "The remainder of expr1 / expr2, with the sign of expr1", "-7 % 3",
                        "-1")
                .operator("div", "expr1 div expr2", "The quotient rounded toward zero, as a BIGINT", "7 div 2", "3")
                .add("abs", "abs(expr)", "The absolute value", "abs(-2.5)", "2.5")
                .add("positive", "positive(expr)", "The value itself", "positive(-3)", "-3")
                .add("pmod", "pmod(expr1, expr2)", "The remainder of expr1 / expr2, never negative for a positive "
                        + "expr2", "pmod(-7, 3)", "2")
                .add("round", "round(expr[, d])",
                        "expr rounded to d decimal places (0 by default), halves away from zero", "round(2.5)", "3")
                .add("bround", "bround(expr[, d])", "expr rounded to d decimal places, halves to the even neighbour",
                        "bround(2.5)", "2")
                .add("ceil ceiling", "ceil(expr[, scale])",
                        "The smallest integer (or decimal of scale places) not below expr", "ceil(3.1411, 2)", "3.15")
                .add("floor", "floor(expr[, scale])",
                        "The largest integer (or decimal of scale places) not above expr", "floor(-1.5)", "-2")
                .add("sqrt", "sqrt(expr)", "The square root", "sqrt(16)", "4.0")
                .add("cbrt", "cbrt(expr)", "The cube root", "cbrt(27)", "3.0")
                .add("exp", "exp(expr)", "e raised to the power expr", "exp(0)", "1.0")
                .add("pow power", "pow(expr1, expr2)", "expr1 raised to the power expr2", "pow(2, 10)", "1024.0")
                .add("ln", "ln(expr)", "The natural logarithm; NULL at or below zero", "ln(1)", "0.0")
                .add("log", "log(base, expr); log(expr)",
                        "The logarithm of expr to base (e with one argument); NULL at or below zero", "log(2, 8)",
                        "3.0")
                .add("log10", "log10(expr)", "The logarithm to base 10", "log10(1000)", "3.0")
                .add("log2", "log2(expr)", "The logarithm to base 2", "log2(8)", "3.0")
                .add("sin", "sin(expr)", "The sine of an angle in radians", "sin(0)", "0.0")
                .add("cos", "cos(expr)", "The cosine of an angle in radians", "cos(0)", "1.0")
                .add("tan", "tan(expr)", "The tangent of an angle in radians", "tan(0)", "0.0")
                .add("mod", "mod(expr1, expr2)", "The remainder of expr1 / expr2, with the sign of expr1",
                        "mod(-7, 3)", "-1")
                .add("negative", "negative(expr)", "The value with the opposite sign", "negative(2.5)", "-2.5")
                .add("sign signum", "sign(expr)", "-1.0, 0.0 or 1.0 as expr is negative, zero or positive",
                        "sign(-4)", "-1.0")
                .add("e", "e()", "Euler's number", "e()", "2.718281828459045")
                .add("pi", "pi()", "The ratio of a circle's circumference to its diameter", "pi()", "3.141592653589793")
                .add("degrees", "degrees(expr)", "An angle in radians converted to degrees", "degrees(pi())", "180.0")
                .add("radians", "radians(expr)", "An angle in degrees converted to radians", "radians(90)",
                        "1.5707963267948966")
                .add("asin", "asin(expr)", "The arc sine in radians; NaN outside [-1, 1]", "asin(1)",
                        "1.5707963267948966")
                .add("acos", "acos(expr)", "The arc cosine in radians; NaN outside [-1, 1]", "acos(1)", "0.0")
                .add("atan", "atan(expr)", "The arc tangent in radians", "atan(1)", "0.7853981633974483")
                .add("atan2", "atan2(exprY, exprX)", "The angle in radians of the point (exprX, exprY)",
                        "atan2(1, 1)", "0.7853981633974483")
                .add("sinh", "sinh(expr)", "The hyperbolic sine", "sinh(0)", "0.0")
                .add("cosh", "cosh(expr)", "The hyperbolic cosine", "cosh(0)", "1.0")
                .add("tanh", "tanh(expr)", "The hyperbolic tangent", "tanh(0)", "0.0")
                .add("asinh", "asinh(expr)", "The inverse hyperbolic sine", "asinh(0)", "0.0")
                .add("acosh", "acosh(expr)", "The inverse hyperbolic cosine; NaN below 1", "acosh(1)", "0.0")
                .add("atanh", "atanh(expr)", "The inverse hyperbolic tangent; NaN outside [-1, 1]", "atanh(0)",
                        "0.0")
                .add("cot", "cot(expr)", "The cotangent, 1 / tan(expr)", "cot(pi() / 4)", "1.0000000000000002")
                .add("sec", "sec(expr)", "The secant, 1 / cos(expr)", "sec(0)", "1.0")
                .add("csc", "csc(expr)", "The cosecant, 1 / sin(expr)", "csc(pi() / 2)", "1.0")
                .add("expm1", "expm1(expr)", "exp(expr) - 1, exact for small expr", "expm1(0)", "0.0")
                .add("log1p", "log1p(expr)", "ln(1 + expr), exact for small expr; NULL at or below -1", "log1p(0)",
                        "0.0")
                .add("rint", "rint(expr)", "The integer nearest expr as a DOUBLE, halves to even", "rint(2.5)", "2.0")
                .add("hypot", "hypot(expr1, expr2)", "sqrt(expr1² + expr2²) without overflow in between",
                        "hypot(3, 4)", "5.0")
                .add("factorial", "factorial(expr)", "expr! for expr from 0 to 20, else NULL", "factorial(5)", "120")
                .add("bin", "bin(expr)", "A BIGINT's 64-bit two's complement in binary digits", "bin(13)", "1101")
                .add("conv", "conv(num, from_base, to_base)",
                        "The digits num in base from_base written in base to_base (negative: with a sign)",
                        "conv('ff', 16, 2)", "11111111")
                .add("width_bucket", "width_bucket(value, min_value, max_value, num_bucket)",
                        "The bucket of value among num_bucket equal buckets from min_value to max_value (0 below, "
                                + "num_bucket + 1 above)", "width_bucket(5.3, 0.2, 10.6, 5)", "3")
                .add("rand random", "rand([seed])",
                        "A random DOUBLE in [0, 1) from Spark's generator; a stream draws new numbers in every "
                                + "micro-batch, whatever the seed, as Spark's streams do", "rand(0)",
                        "0.7604953758285915")
                .add("randn", "randn([seed])", "A random DOUBLE from the standard normal distribution, seeded as rand",
                        "randn(0)", "1.6034991609278433")
                .add("uniform", "uniform(min, max[, seed])",
                        "A random value between min and max, seeded as rand, of their type", "uniform(10, 20, 0)",
                        "17")
                .add("greatest", "greatest(expr, ...)", "The largest argument, skipping nulls", "greatest(3, NULL, 7)",
                        "7")
                .add("least", "least(expr, ...)", "The smallest argument, skipping nulls", "least(3, NULL, 7)", "3")
                .add("hex", "hex(expr)",
                        "A number's 64-bit two's complement, or the bytes of a string or binary, as hex digits",
                        "hex(255)", "FF")
                .add("unhex", "unhex(expr)", "The bytes written by hex digits; NULL for other characters",
                        "unhex('4142')", "[41 42]")
                .add("try_add", "try_add(expr1, expr2)", "expr1 + expr2, or NULL where it overflows",
                        "try_add(2147483647, 1)", "NULL")
                .add("try_subtract", "try_subtract(expr1, expr2)", "expr1 - expr2, or NULL where it overflows",
                        "try_subtract(5, 7)", "-2")
                .add("try_multiply", "try_multiply(expr1, expr2)", "expr1 * expr2, or NULL where it overflows",
                        "try_multiply(2147483647, 2)", "NULL")
                .add("try_divide", "try_divide(dividend, divisor)",
                        "dividend / divisor, or NULL where the divisor is 0", "try_divide(1, 0)", "NULL")
                .add("try_mod", "try_mod(dividend, divisor)", "dividend % divisor, or NULL where the divisor is 0",
                        "try_mod(7, 0)", "NULL")
                .functions();
    }
}
