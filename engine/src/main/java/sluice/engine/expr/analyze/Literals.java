package sluice.engine.expr.analyze;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.IntervalLiterals;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DecimalType;
import sluice.engine.types.IntegralRange;
import sluice.engine.types.LocalTimestamps;
import sluice.engine.types.ValueText;

/** Turns literal syntax into typed constants with Spark's literal types and printed names. Stateless but for zone. */
final class Literals {
    private final SourceText source;
    private final ZoneId zone;

    Literals(SourceText source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    Typed.Constant literal(Ast.Literal literal) {
        String text = literal.text();
        return switch (literal.kind()) {
            case INTEGER -> integer(literal);
            case BIGINT -> suffixed(literal, AtomicType.BIGINT);
            case TINYINT -> suffixed(literal, AtomicType.TINYINT);
            case SMALLINT -> suffixed(literal, AtomicType.SMALLINT);
            case DECIMAL, BIG_DECIMAL -> decimal(number(literal), literal);
            // Spark checks the range exactly, then parses the text as Java does: "-0.0D" keeps its sign, which the
            // exact value has lost.
            case DOUBLE -> {
                inRange(literal, Double.MAX_VALUE, "DOUBLE");
                double value = Double.parseDouble(text);
                yield new Typed.Constant(value, AtomicType.DOUBLE, literal.span(), Double.toString(value));
            }
            case FLOAT -> {
                inRange(literal, Float.MAX_VALUE, "FLOAT");
                float value = Float.parseFloat(text);
                yield new Typed.Constant((double) value, AtomicType.FLOAT, literal.span(), Float.toString(value));
            }
            case STRING -> new Typed.Constant(text, AtomicType.STRING, literal.span(), text);
            case BOOLEAN -> new Typed.Constant(Boolean.valueOf(text), AtomicType.BOOLEAN, literal.span(), text);
            case NULL -> new Typed.Constant(null, AtomicType.NULL, literal.span(), "NULL");
        };
    }

    /** {@code 1Y}, {@code 1S} or {@code 1L}: Spark's parser refuses a value outside the suffix's type. */
    private Typed.Constant suffixed(Ast.Literal literal, AtomicType type) {
        BigInteger value = new BigInteger(literal.text());
        IntegralRange range = IntegralRange.of(type);
        if (value.compareTo(BigInteger.valueOf(range.min())) < 0
                || value.compareTo(BigInteger.valueOf(range.max())) > 0) {
            throw source.error(ErrorCode.EXPRESSION_SYNTAX, literal.span(), "[INVALID_NUMERIC_LITERAL_RANGE] Numeric "
                    + "literal %s is outside the valid range for %s with minimum value of %d and maximum value of %d. "
                    + "Please adjust the value accordingly.", literal.text(), type.simpleString(), range.min(),
                    range.max());
        }
        return new Typed.Constant(value.longValue(), type, literal.span(), value.toString());
    }

    // Spark types an integer literal as INT if it fits, else BIGINT, else DECIMAL.
    private Typed.Constant integer(Ast.Literal literal) {
        BigInteger value = new BigInteger(literal.text());
        if (value.bitLength() < 32) {
            return new Typed.Constant(value.longValue(), AtomicType.INT, literal.span(), value.toString());
        } else if (value.bitLength() < 64) {
            return new Typed.Constant(value.longValue(), AtomicType.BIGINT, literal.span(), value.toString());
        }
        return decimal(new BigDecimal(value), literal);
    }

    /** The literal's exact value; an exponent too large for BigDecimal is out of any range. */
    private BigDecimal number(Ast.Literal literal) {
        try {
            return new BigDecimal(literal.text());
        } catch (NumberFormatException e) {
            throw source.error(ErrorCode.EXPRESSION_SYNTAX, literal.span(), "the number %s is out of range",
                    literal.text());
        }
    }

    // Spark refuses an exponent or suffixed literal beyond the type's largest value (INVALID_NUMERIC_LITERAL_RANGE)
    // instead of making it infinite; one too small becomes 0.
    private BigDecimal inRange(Ast.Literal literal, double max, String type) {
        BigDecimal value = number(literal);
        if (value.abs().compareTo(new BigDecimal(max)) > 0) {
            throw source.error(ErrorCode.EXPRESSION_SYNTAX, literal.span(),
                    "the number %s is out of range for %s, whose largest value is %s", literal.text(), type,
                    type.equals("FLOAT") ? Float.toString((float) max) : Double.toString(max));
        }
        return value;
    }

    // Spark types an exact number by its digits and refuses one with more than 38 of them
    // (DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION), rather than rounding it to a DOUBLE.
    private Typed.Constant decimal(BigDecimal value, Ast.Literal literal) {
        int scale = Math.max(value.scale(), 0);
        // Counted before setScale, which would spell out every zero of 1e-999999999BD.
        long precision = value.scale() >= 0 ? Math.max(value.precision(), value.scale())
                : (long) value.precision() - value.scale();
        if (precision > DecimalType.MAX_PRECISION) {
            throw source.error(ErrorCode.EXPRESSION_SYNTAX, literal.span(),
                    "the number %s needs %d digits, more than the %d a DECIMAL holds", literal.text(), precision,
                    DecimalType.MAX_PRECISION);
        }
        BigDecimal normalized = value.setScale(scale);
        // Spark names a decimal literal by Java's BigDecimal text, which turns to an exponent below 10^-6: 1E-10.
        return new Typed.Constant(normalized, new DecimalType((int) Math.max(precision, 1), scale), literal.span(),
                normalized.toString());
    }

    Typed.Constant typed(Ast.TypedLiteral literal) {
        if (literal.typeName().equals("X")) {
            Bytes bytes = Bytes.fromHex(literal.value());
            if (bytes == null) {
                throw invalidTyped(literal);
            }
            return new Typed.Constant(bytes, AtomicType.BINARY, literal.span(), "X'" + bytes.toHex() + "'");
        }
        if (literal.typeName().equals("DATE")) {
            Long days = DateTimeText.parseDate(literal.value());
            if (days == null) {
                throw invalidTyped(literal);
            }
            return new Typed.Constant(days, AtomicType.DATE, literal.span(),
                    "DATE '" + ValueText.date(LocalDate.ofEpochDay(days)) + "'");
        }
        if (literal.typeName().equals("TIMESTAMP_NTZ")) {
            Long local = DateTimeText.parseLocalTimestamp(literal.value());
            if (local == null) {
                throw invalidTyped(literal);
            }
            return new Typed.Constant(local, AtomicType.TIMESTAMP_NTZ, literal.span(),
                    "TIMESTAMP_NTZ '" + ValueText.timestamp(LocalTimestamps.of(local)) + "'");
        }
        Long micros = DateTimeText.parseTimestamp(literal.value(), zone);
        if (micros == null) {
            throw invalidTyped(literal);
        }
        // Counted in microseconds: year 1's are beyond a long of nanoseconds.
        Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return new Typed.Constant(micros, AtomicType.TIMESTAMP, literal.span(),
                "TIMESTAMP '" + ValueText.timestamp(instant, zone) + "'");
    }

    private RuntimeException invalidTyped(Ast.TypedLiteral literal) {
        return source.error(ErrorCode.EXPRESSION_SYNTAX, literal.span(),
                "[INVALID_TYPED_LITERAL] The value of the typed literal \"%s\" is invalid: '%s'",
                literal.typeName(), literal.value());
    }

    Typed.Constant interval(Ast.IntervalLiteral literal) {
        String text = source.text().substring(literal.span().start(), literal.span().end());
        IntervalLiterals.Value value;
        try {
            value = IntervalLiterals.read(literal, text);
        } catch (IntervalLiterals.Invalid e) {
            throw source.error(ErrorCode.EXPRESSION_SYNTAX, e.span(), "%s", e.getMessage());
        }
        return new Typed.Constant(value.amount(), value.type(), literal.span(),
                ValueText.interval(value.type(), value.amount()));
    }
}
