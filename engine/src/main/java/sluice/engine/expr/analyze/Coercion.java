package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.IntervalField;
import sluice.engine.types.MapType;
import sluice.engine.types.StructType;

/** Spark 4's ANSI type coercion: wider types, string promotion, decimal result types and castability. Stateless. */
public final class Coercion {
    private Coercion() {
    }

    /** The decimal type that holds every value of an integral type, as Spark's {@code DecimalType.forType}. */
    public static DecimalType decimalFor(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal;
        }
        if (type == AtomicType.TINYINT) {
            return new DecimalType(3, 0);
        }
        if (type == AtomicType.SMALLINT) {
            return new DecimalType(5, 0);
        }
        if (type == AtomicType.INT) {
            return new DecimalType(10, 0);
        }
        if (type == AtomicType.BIGINT) {
            return new DecimalType(20, 0);
        }
        throw new IllegalArgumentException("no decimal for " + type);
    }

    /**
     * Rank in Spark's numeric widening order TINYINT < SMALLINT < INT < BIGINT < FLOAT < DOUBLE; decimals sit between
     * BIGINT and FLOAT.
     */
    private static int rank(DataType type) {
        if (type == AtomicType.TINYINT) {
            return 1;
        } else if (type == AtomicType.SMALLINT) {
            return 2;
        } else if (type == AtomicType.INT) {
            return 3;
        } else if (type == AtomicType.BIGINT) {
            return 4;
        } else if (type instanceof DecimalType) {
            return 5;
        } else if (type == AtomicType.FLOAT) {
            return 6;
        } else if (type == AtomicType.DOUBLE) {
            return 7;
        }
        throw new IllegalArgumentException("not numeric: " + type);
    }

    /** The wider of two numeric types (Spark's findWiderTypeForTwo on numbers). */
    public static DataType widerNumeric(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        boolean decimalA = a instanceof DecimalType;
        boolean decimalB = b instanceof DecimalType;
        if (decimalA || decimalB) {
            DataType other = decimalA ? b : a;
            if (other == AtomicType.FLOAT || other == AtomicType.DOUBLE) {
                return AtomicType.DOUBLE;
            }
            return widerDecimal(decimalFor(a), decimalFor(b));
        }
        DataType wider = rank(a) >= rank(b) ? a : b;
        // Spark's findTightestCommonType: an integral type and FLOAT meet at DOUBLE, so no integer loses digits.
        return wider == AtomicType.FLOAT ? AtomicType.DOUBLE : wider;
    }

    /**
     * Spark 4's widerDecimalType: every integral digit and every fractional digit of both, and past 38 digits the
     * integral digits win (boundedPreferIntegralDigits), so DECIMAL(2,1) and DECIMAL(38,0) meet at DECIMAL(38,0),
     * where 1.5 becomes 2.
     */
    public static DecimalType widerDecimal(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        int precision = range + scale;
        if (precision <= DecimalType.MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        return new DecimalType(DecimalType.MAX_PRECISION, Math.max(0, scale - (precision - DecimalType.MAX_PRECISION)));
    }

    /**
     * Spark's adjustPrecisionScale with allowPrecisionLoss: when the exact result needs more than 38 digits, keep
     * the integral digits and give up scale, but never below 6 digits of scale.
     */
    public static DecimalType adjusted(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        int integralDigits = precision - scale;
        int minScale = Math.min(scale, 6);
        int adjustedScale = Math.max(DecimalType.MAX_PRECISION - integralDigits, minScale);
        return new DecimalType(DecimalType.MAX_PRECISION, adjustedScale);
    }

    /** The type of a binary operator over a string and another atomic type (Spark's findWiderTypeForString). */
    public static Optional<DataType> stringPromotion(DataType a, DataType b) {
        if (a == AtomicType.STRING && b == AtomicType.STRING) {
            return Optional.empty();
        }
        if (b == AtomicType.STRING) {
            return stringPromotion(b, a);
        }
        if (a != AtomicType.STRING) {
            return Optional.empty();
        }
        if (b.isIntegral()) {
            return Optional.of(AtomicType.BIGINT);
        } else if (b.isNumeric()) {
            return Optional.of(AtomicType.DOUBLE);
        } else if (b == AtomicType.NULL) {
            return Optional.of(AtomicType.STRING);
        } else if (b.isInterval() || b.isComplex()) {
            return Optional.empty();
        }
        return Optional.of(b);
    }

    /** The common type of CASE branches, coalesce arguments or an IN list, or empty when there is none. */
    public static Optional<DataType> commonType(List<DataType> types) {
        DataType result = AtomicType.NULL;
        for (DataType type : types) {
            Optional<DataType> wider = commonType(result, type);
            if (wider.isEmpty()) {
                return Optional.empty();
            }
            result = wider.get();
        }
        return Optional.of(result);
    }

    public static Optional<DataType> commonType(DataType a, DataType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        } else if (a == AtomicType.NULL) {
            return Optional.of(b);
        } else if (b == AtomicType.NULL) {
            return Optional.of(a);
        } else if (a.isNumeric() && b.isNumeric()) {
            return Optional.of(widerNumeric(a, b));
        } else if (isDatetime(a) && isDatetime(b)) {
            return Optional.of(widerDatetime(a, b));
        } else if (sameIntervalKind(a, b)) {
            return Optional.of(widerInterval(a, b));
        } else if (a.isComplex() || b.isComplex()) {
            return complex(a, b, Coercion::commonType);
        }
        return stringPromotion(a, b);
    }

    /**
     * Spark's findTypeForComplex: two arrays, two maps, or two structs with as many fields named alike (ignoring
     * case; the first one's names are kept) meet where their parts meet under {@code parts}.
     */
    private static Optional<DataType> complex(DataType a, DataType b,
            java.util.function.BiFunction<DataType, DataType, Optional<DataType>> parts) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return parts.apply(x.elementType(), y.elementType()).map(e -> new ArrayType(e, true));
        } else if (a instanceof MapType x && b instanceof MapType y) {
            Optional<DataType> key = parts.apply(x.keyType(), y.keyType());
            Optional<DataType> value = parts.apply(x.valueType(), y.valueType());
            return key.isPresent() && value.isPresent() ? Optional.of(MapType.of(key.get(), value.get()))
                    : Optional.empty();
        } else if (a instanceof StructType x && b instanceof StructType y
                && x.fields().size() == y.fields().size()) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < x.fields().size(); i++) {
                Field left = x.fields().get(i);
                Field right = y.fields().get(i);
                Optional<DataType> type = parts.apply(left.type(), right.type());
                if (!left.name().equalsIgnoreCase(right.name()) || type.isEmpty()) {
                    return Optional.empty();
                }
                fields.add(Field.of(left.name(), type.get()));
            }
            return Optional.of(new StructType(fields));
        }
        return Optional.empty();
    }

    /**
     * Spark's findTightestCommonType: the type two others widen to without losing anything and without reading a
     * string as a number (element_at's map key, for one); empty when there is none.
     */
    public static Optional<DataType> tightestCommonType(DataType a, DataType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        } else if (a == AtomicType.NULL) {
            return Optional.of(b);
        } else if (b == AtomicType.NULL) {
            return Optional.of(a);
        } else if (a.isNumeric() && b.isNumeric()) {
            if (!(a instanceof DecimalType) && !(b instanceof DecimalType)) {
                return Optional.of(widerNumeric(a, b));
            }
            DataType decimal = a instanceof DecimalType ? a : b;
            DataType other = decimal == a ? b : a;
            return other.isIntegral() && widerDecimal(decimalFor(other), (DecimalType) decimal).equals(decimal)
                    ? Optional.of(decimal) : Optional.empty();
        } else if (isDatetime(a) && isDatetime(b)) {
            return Optional.of(widerDatetime(a, b));
        } else if (sameIntervalKind(a, b)) {
            return Optional.of(widerInterval(a, b));
        }
        return complex(a, b, Coercion::tightestCommonType);
    }

    private static boolean isExact(DataType type) {
        return type.isIntegral() || type instanceof DecimalType;
    }

    /** Two day-time intervals, or two year-month intervals, of any fields. */
    public static boolean sameIntervalKind(DataType a, DataType b) {
        return a.isDayTimeInterval() && b.isDayTimeInterval() || a.isYearMonthInterval() && b.isYearMonthInterval();
    }

    /**
     * Spark's wider type of two intervals of one kind: from the first of their start fields to the last of their end
     * fields ({@code INTERVAL HOUR} and {@code INTERVAL DAY TO MINUTE} meet at {@code INTERVAL DAY TO MINUTE}).
     */
    public static AtomicType widerInterval(DataType a, DataType b) {
        AtomicType x = (AtomicType) a;
        AtomicType y = (AtomicType) b;
        IntervalField start = x.startField().compareTo(y.startField()) <= 0 ? x.startField() : y.startField();
        IntervalField end = x.endField().compareTo(y.endField()) >= 0 ? x.endField() : y.endField();
        return AtomicType.interval(start, end);
    }

    private static boolean isDatetime(DataType type) {
        return type == AtomicType.DATE || type == AtomicType.TIMESTAMP || type == AtomicType.TIMESTAMP_NTZ;
    }

    /**
     * Spark's findWiderDateTimeType: a DATE widens to either timestamp, and TIMESTAMP_NTZ meets TIMESTAMP at
     * TIMESTAMP.
     */
    private static DataType widerDatetime(DataType a, DataType b) {
        if (a == AtomicType.TIMESTAMP || b == AtomicType.TIMESTAMP) {
            return AtomicType.TIMESTAMP;
        }
        return a == AtomicType.TIMESTAMP_NTZ || b == AtomicType.TIMESTAMP_NTZ ? AtomicType.TIMESTAMP_NTZ
                : AtomicType.DATE;
    }

    /** Whether Spark's ANSI analyzer may insert a cast from {@code from} to {@code to} by itself. */
    public static boolean canImplicitCast(DataType from, DataType to) {
        if (from.equals(to) || from == AtomicType.NULL) {
            return true;
        }
        // Spark's ANSI implicit cast of a function argument is its store assignment: any number to any number
        // (narrowing fails at run time on overflow, as CAST does).
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (from == AtomicType.STRING) {
            return to instanceof AtomicType || to instanceof DecimalType;
        }
        if (isDatetime(from) && isDatetime(to) || sameIntervalKind(from, to)) {
            return true;
        }
        if (from instanceof ArrayType x && to instanceof ArrayType y) {
            return canImplicitCast(x.elementType(), y.elementType());
        }
        if (from.isComplex() && to.isComplex()) {
            // Spark's store assignment between maps and structs of the same shape.
            return canCast(from, to) && complex(from, to, (x, y) -> canImplicitCast(x, y) ? Optional.of(y)
                    : Optional.empty()).isPresent();
        }
        // Lenient: Spark 4 also accepts numbers, dates and booleans where a function wants a string.
        return to == AtomicType.STRING && (from instanceof AtomicType || from instanceof DecimalType);
    }

    /** Whether an explicit ANSI {@code CAST(x AS to)} is allowed at all (it may still fail on a value). */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from == AtomicType.NULL || to == AtomicType.STRING || from == AtomicType.STRING) {
            return !(from == AtomicType.STRING && to.isComplex());
        }
        boolean numericLike = from.isNumeric() || from == AtomicType.BOOLEAN;
        boolean toNumericLike = to.isNumeric() || to == AtomicType.BOOLEAN;
        if (numericLike && toNumericLike) {
            return true;
        }
        if (isDatetime(from) && isDatetime(to) || sameIntervalKind(from, to)) {
            return true;
        }
        // Spark casts an interval to and from an exact number: a count of the interval's end field.
        if (from.isInterval() && isExact(to) || isExact(from) && to.isInterval()) {
            return true;
        }
        if ((from.isNumeric() && to == AtomicType.TIMESTAMP) || (from == AtomicType.TIMESTAMP && to.isNumeric())) {
            return true;
        }
        if (from instanceof ArrayType x && to instanceof ArrayType y) {
            return canCast(x.elementType(), y.elementType());
        }
        if (from instanceof MapType x && to instanceof MapType y) {
            return canCast(x.keyType(), y.keyType()) && canCast(x.valueType(), y.valueType());
        }
        if (from instanceof StructType x && to instanceof StructType y && x.fields().size() == y.fields().size()) {
            for (int i = 0; i < x.fields().size(); i++) {
                if (!canCast(x.fields().get(i).type(), y.fields().get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
