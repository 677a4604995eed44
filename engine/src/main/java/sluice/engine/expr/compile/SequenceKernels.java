package sluice.engine.expr.compile;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/** The kernels of arrays_zip, sequence and shuffle. Stateless (shuffle's generator lives in the task's Env). */
final class SequenceKernels {
    /** Spark's largest array (ByteArrayMethods.MAX_ROUNDED_ARRAY_LENGTH). */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 15;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private SequenceKernels() {
    }

    /** The kernel of {@code call}, or null when it is none of these functions. */
    static Kernels.Choice of(Typed.Call call) {
        switch (call.function()) {
            case "arrays_zip" -> {
                List<DataType> elements = ((StructType) ((ArrayType) call.type()).elementType()).fields().stream()
                        .map(f -> f.type()).toList();
                return new Kernels.Choice((a, e) -> zip(a, elements.size()), true);
            }
            case "sequence" -> {
                DataType type = ((ArrayType) call.type()).elementType();
                return new Kernels.Choice((a, e) -> sequence(type, a, e.zone()), true);
            }
            case "shuffle" -> {
                long seed = (Long) ((Typed.Constant) call.args().get(1)).value();
                // The kernel itself keys its generator in the task: one generator per shuffle call, as Spark's.
                Kernel[] self = new Kernel[1];
                self[0] = (a, e) -> shuffled((List<?>) a[0],
                        e.generators().of(self[0], seed + e.randomSeed() + e.partition()));
                return new Kernels.Choice(self[0], true);
            }
            default -> {
                return null;
            }
        }
    }

    /** Structs of the elements at each index, as long as the longest array, NULLs where an array ends. */
    private static List<Object> zip(Object[] arrays, int count) {
        int length = 0;
        for (Object array : arrays) {
            length = Math.max(length, ((List<?>) array).size());
        }
        List<Object> zipped = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Object[] values = new Object[count];
            for (int a = 0; a < count; a++) {
                List<?> array = (List<?>) arrays[a];
                values[a] = i < array.size() ? array.get(i) : null;
            }
            zipped.add(new Row(Arrays.asList(values)));
        }
        return zipped;
    }

    /**
     * Spark's Sequence: integers by their step (1 or -1 by default); dates and timestamps by an interval (1 day or
     * -1 day by default), whole days added on the session time zone's calendar and the rest as microseconds; a date
     * step must hold whole days. A step that leads away from stop, or a zero step between different bounds, is an
     * error.
     */
    private static List<Object> sequence(DataType type, Object[] a, ZoneId zone) {
        long start = (Long) a[0];
        long stop = (Long) a[1];
        boolean defaultStep = a.length < 3;
        if (type != AtomicType.DATE && type != AtomicType.TIMESTAMP) {
            long step = defaultStep ? (start <= stop ? 1 : -1) : (Long) a[2];
            return integral(type, start, stop, step);
        }
        long stepMicros = defaultStep ? (start <= stop ? MICROS_PER_DAY : -MICROS_PER_DAY) : (Long) a[2];
        long days = stepMicros / MICROS_PER_DAY;
        long micros = stepMicros - days * MICROS_PER_DAY;
        boolean date = type == AtomicType.DATE;
        if (date && days == 0) {
            throw RowFailure.invalidArgument("[_LEGACY_ERROR_TEMP_3242] sequence step must be an interval day to "
                    + "second of day granularity if start and end values are dates");
        }
        if (date && micros == 0) {
            return integral(type, start, stop, days);
        }
        if (!date && days == 0) {
            return integral(type, start, stop, micros);
        }
        long startMicros = date ? daysToMicros(start, zone) : start;
        long stopMicros = date ? daysToMicros(stop, zone) : stop;
        long estimated = length(startMicros, stopMicros, stepMicros, stepMicros);
        int sign = stepMicros > 0 ? 1 : -1;
        long exclusive = stopMicros + sign;
        List<Object> values = new ArrayList<>((int) Math.min(estimated, 1 << 16));
        long t = startMicros;
        int i = 0;
        while (t < exclusive ^ sign < 0) {
            values.add(Values.toExternal(type, date ? microsToDays(t, zone) : t));
            i++;
            t = addInterval(startMicros, i * days, i * micros, zone);
        }
        return values;
    }

    private static List<Object> integral(DataType type, long start, long stop, long step) {
        int length = (int) length(start, stop, step, step);
        List<Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(Values.toExternal(type, start + step * i));
        }
        return values;
    }

    /** Spark's sequenceLength, after its check that the step leads from start to stop. */
    private static long length(long start, long stop, long step, long estimatedStep) {
        if (!(estimatedStep > 0 && start <= stop || estimatedStep < 0 && start >= stop
                || estimatedStep == 0 && start == stop)) {
            throw RowFailure.invalidArgument("[_LEGACY_ERROR_TEMP_3243] Illegal sequence boundaries: " + start + " to "
                    + stop + " by " + step);
        }
        BigInteger length = start == stop ? BigInteger.ONE : BigInteger.ONE.add(BigInteger.valueOf(stop)
                .subtract(BigInteger.valueOf(start)).divide(BigInteger.valueOf(estimatedStep)));
        if (length.compareTo(BigInteger.valueOf(MAX_ARRAY_LENGTH)) > 0) {
            throw RowFailure.invalidArgument("[COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER] Can't create array with "
                    + length + " elements which exceeding the array size limit " + MAX_ARRAY_LENGTH
                    + ",the value of parameter(s) `count` in the function `sequence` is invalid.");
        }
        return length.longValueExact();
    }

    private static long daysToMicros(long days, ZoneId zone) {
        return toMicros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
    }

    private static long microsToDays(long micros, ZoneId zone) {
        return LocalDateTime.ofInstant(toInstant(micros), zone).toLocalDate().toEpochDay();
    }

    /** Spark's timestampAddInterval without months: days on the zone's calendar, then microseconds. */
    private static long addInterval(long start, long days, long micros, ZoneId zone) {
        long t = start;
        if (days != 0) {
            t = toMicros(LocalDateTime.ofInstant(toInstant(start), zone).plusDays(days).atZone(zone).toInstant());
        }
        return t + micros;
    }

    private static Instant toInstant(long micros) {
        return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static List<Object> shuffled(List<?> array, XorShiftRandom random) {
        // Spark's RandomIndicesGenerator: the inside-out Fisher-Yates shuffle.
        int length = array.size();
        int[] indices = new int[length];
        for (int i = 0; i < length; i++) {
            int j = random.nextInt(i + 1);
            if (j != i) {
                indices[i] = indices[j];
            }
            indices[j] = i;
        }
        List<Object> result = new ArrayList<>(length);
        for (int index : indices) {
            result.add(array.get(index));
        }
        return result;
    }
}
