package sluice.engine.types;

/**
 * The types without parameters. TINYINT, SMALLINT, INT, BIGINT, DATE (days since 1970-01-01) and TIMESTAMP
 * (microseconds since the epoch, shown in the session time zone), TIMESTAMP_NTZ (a wall-clock date and time without
 * a zone, as the microseconds since 1970-01-01 00:00:00 of the same wall clock in UTC) are stored as longs; FLOAT and
 * DOUBLE as doubles; BINARY as {@link Bytes}; the INTERVAL constants are Spark's ANSI intervals, one per range of
 * fields as Spark's DayTimeIntervalType(startField, endField) and YearMonthIntervalType(startField, endField): the
 * day-time ones ({@code INTERVAL} is DAY TO SECOND) in microseconds, the year-month ones ({@code INTERVAL_YEAR_MONTH}
 * is YEAR TO MONTH) in months. The fields say how a value prints and where a cast cuts it, not how it is stored.
 */
public enum AtomicType implements DataType {
    NULL("void", Storage.OBJECT),
    BOOLEAN("boolean", Storage.BOOLEAN),
    TINYINT("tinyint", Storage.LONG),
    SMALLINT("smallint", Storage.LONG),
    INT("int", Storage.LONG),
    BIGINT("bigint", Storage.LONG),
    FLOAT("float", Storage.DOUBLE),
    DOUBLE("double", Storage.DOUBLE),
    STRING("string", Storage.OBJECT),
    BINARY("binary", Storage.OBJECT),
    DATE("date", Storage.LONG),
    TIMESTAMP("timestamp", Storage.LONG),
    TIMESTAMP_NTZ("timestamp_ntz", Storage.LONG),
    INTERVAL(IntervalField.DAY, IntervalField.SECOND),
    INTERVAL_DAY(IntervalField.DAY, IntervalField.DAY),
    INTERVAL_DAY_HOUR(IntervalField.DAY, IntervalField.HOUR),
    INTERVAL_DAY_MINUTE(IntervalField.DAY, IntervalField.MINUTE),
    INTERVAL_HOUR(IntervalField.HOUR, IntervalField.HOUR),
    INTERVAL_HOUR_MINUTE(IntervalField.HOUR, IntervalField.MINUTE),
    INTERVAL_HOUR_SECOND(IntervalField.HOUR, IntervalField.SECOND),
    INTERVAL_MINUTE(IntervalField.MINUTE, IntervalField.MINUTE),
    INTERVAL_MINUTE_SECOND(IntervalField.MINUTE, IntervalField.SECOND),
    INTERVAL_SECOND(IntervalField.SECOND, IntervalField.SECOND),
    INTERVAL_YEAR_MONTH(IntervalField.YEAR, IntervalField.MONTH),
    INTERVAL_YEAR(IntervalField.YEAR, IntervalField.YEAR),
    INTERVAL_MONTH(IntervalField.MONTH, IntervalField.MONTH);

    private final String simpleString;
    private final Storage storage;
    private final IntervalField startField;
    private final IntervalField endField;

    AtomicType(String simpleString, Storage storage) {
        this.simpleString = simpleString;
        this.storage = storage;
        this.startField = null;
        this.endField = null;
    }

    AtomicType(IntervalField startField, IntervalField endField) {
        this.simpleString = "interval " + startField.word() + (startField == endField ? "" : " to " + endField.word());
        this.storage = Storage.LONG;
        this.startField = startField;
        this.endField = endField;
    }

    /** The ANSI interval type of these fields; {@code start} must not come after {@code end}, both of one kind. */
    public static AtomicType interval(IntervalField start, IntervalField end) {
        if (start.isYearMonth() != end.isYearMonth() || start.compareTo(end) > 0) {
            throw new IllegalArgumentException("no interval type from " + start + " to " + end);
        }
        for (AtomicType type : values()) {
            if (type.startField == start && type.endField == end) {
                return type;
            }
        }
        throw new AssertionError(start + " to " + end);
    }

    /** The first field of an interval type, null for other types. */
    public IntervalField startField() {
        return startField;
    }

    /** The last field of an interval type, null for other types. */
    public IntervalField endField() {
        return endField;
    }

    @Override
    public String simpleString() {
        return simpleString;
    }

    @Override
    public String sql() {
        return simpleString.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Storage storage() {
        return storage;
    }
}
