package sluice.engine.types;

/**
 * The types without parameters. TINYINT, SMALLINT, INT, BIGINT, DATE (days since 1970-01-01) and TIMESTAMP
 * (microseconds since the epoch, shown in the session time zone), TIMESTAMP_NTZ (a wall-clock date and time without
 * a zone, as the microseconds since 1970-01-01 00:00:00 of the same wall clock in UTC) are stored as longs; FLOAT and
 * DOUBLE as doubles; BINARY as {@link Bytes}; INTERVAL is Spark's day-time interval, in microseconds, and
 * INTERVAL_YEAR_MONTH its year-month interval, in months.
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
    INTERVAL("interval day to second", Storage.LONG),
    INTERVAL_YEAR_MONTH("interval year to month", Storage.LONG);

    private final String simpleString;
    private final Storage storage;

    AtomicType(String simpleString, Storage storage) {
        this.simpleString = simpleString;
        this.storage = storage;
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
