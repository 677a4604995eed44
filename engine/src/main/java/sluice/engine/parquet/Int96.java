package sluice.engine.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;

/**
 * Parquet's INT96 timestamps, which Spark writes by default: eight little-endian bytes of nanoseconds within the day,
 * then four of the Julian day number. Spark 4 writes and reads them without calendar rebasing (its CORRECTED mode),
 * which files marked with a Spark version of 3 or later get. Stateless.
 */
final class Int96 {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Int96() {
    }

    static long micros(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        int julianDay = bytes.getInt();
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
    }

    static Binary of(long micros) {
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        long microsOfDay = Math.floorMod(micros, MICROS_PER_DAY);
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(microsOfDay * 1000);
        bytes.putInt((int) (day + JULIAN_DAY_OF_EPOCH));
        return Binary.fromConstantByteArray(bytes.array());
    }
}
