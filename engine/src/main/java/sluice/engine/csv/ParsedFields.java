package sluice.engine.csv;

/**
 * Where {@link CsvFieldParser} puts the values it reads, by column index, in stored form (a LONG-stored type as its
 * long, FLOAT and DOUBLE as a double, the rest as objects). The file source's row collector is one, from_csv's row
 * another, so the field parsing is not tied to either. Implementations are mutable and owned by the reading thread.
 */
public interface ParsedFields {
    void setLong(int column, long value);

    void setDouble(int column, double value);

    void setBoolean(int column, boolean value);

    /** A value of OBJECT storage (string, decimal, binary); null makes the field null. */
    void setObject(int column, Object value);
}
