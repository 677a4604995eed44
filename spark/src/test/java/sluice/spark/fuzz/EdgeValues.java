package sluice.spark.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values a kind's edge cases are made of (type limits, zeros, NaN, leap days, calendar switches, unicode), and
 * random ones in between. Stateless; the caller's random decides.
 */
final class EdgeValues {
    private static final List<String> INTS = List.of("0", "1", "-1", "7", "42", "-128", "127", "255", "32767",
            "-32768", "2147483647", "-2147483648", "1000000", "46341", "-46341");
    private static final List<String> TINYINTS = List.of("0", "1", "-1", "127", "-128", "100", "64", "-100");
    private static final List<String> SMALLINTS = List.of("0", "1", "-1", "32767", "-32768", "255", "1000",
            "-182", "181");
    private static final List<String> BINARIES = List.of("", "a", "hello", "\u65e5\u672c", "AB", "\u00ff", "ab cd");
    private static final List<String> BIGINTS = List.of("0", "1", "-1", "9223372036854775807",
            "-9223372036854775808", "2147483648", "-2147483649", "4294967296", "3037000500", "86400000000",
            "-86400000000000");
    private static final List<String> FLOATS = List.of("0.0", "-0.0", "1.5", "0.1", "3.4028235E38", "1.4E-45",
            "-7.25", "16777217.0", "NaN", "Infinity", "-Infinity");
    private static final List<String> DOUBLES = List.of("0.0", "-0.0", "1.5", "0.1", "1.0E308",
            "-1.7976931348623157E308", "4.9E-324", "2.5", "-2.5", "0.5", "1.0E-10", "123456789.123",
            "9.007199254740993E15", "NaN", "Infinity", "-Infinity");
    private static final List<String> STRINGS = List.of("", "a", "abc", "Hello World", " padded ", "MiXeD cAsE",
            "日本語", "Ä ö ü ß", "emoji 😀 x", "e\u0301", "123", "-45.6e2", " 42 ", "true", "2020-02-29",
            "2020-02-29 12:34:56", "NaN", "null", "a,b;c|d", "tab\tin", "quote'single", "dq\"x", "%_", "a.b*c",
            "İstanbul", "straße", "\uFB01ne", "x".repeat(300), "  ", "0x1F", "1e3");
    private static final List<String> DATES = List.of("2020-02-29", "1970-01-01", "1969-12-31", "2000-01-01",
            "0001-01-01", "9999-12-31", "1582-10-15", "1582-10-04", "2024-12-31", "2023-01-01", "1900-03-01");
    private static final List<String> TIMESTAMPS = List.of("2020-02-29 12:34:56.789", "1970-01-01 00:00:00",
            "1969-12-31 23:59:59.999999", "2000-01-01 00:00:00.000001", "9999-12-31 23:59:59.999999",
            "0001-01-01 00:00:00", "2024-03-10 02:30:00", "1900-01-01 00:00:00", "2016-12-31 23:59:59");
    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private EdgeValues() {
    }

    /** An edge value most of the time, else a random one; never null. */
    static Value of(Column column, SplittableRandom random) {
        boolean edge = random.nextInt(10) < 7;
        Kind kind = column.kind();
        String text = switch (kind) {
            case BOOLEAN -> random.nextBoolean() ? "true" : "false";
            case TINYINT -> edge ? pick(TINYINTS, random) : Integer.toString(random.nextInt(-128, 128));
            case SMALLINT -> edge ? pick(SMALLINTS, random) : Integer.toString(random.nextInt(-32768, 32768));
            case INT -> edge ? pick(INTS, random) : Integer.toString(random.nextInt(-100_000, 100_000));
            case BIGINT -> edge ? pick(BIGINTS, random) : Long.toString(random.nextLong());
            case FLOAT -> edge ? pick(FLOATS, random) : Float.toString((float) (random.nextDouble() * 2000 - 1000));
            case DOUBLE -> edge ? pick(DOUBLES, random) : Double.toString(random.nextDouble() * 2e6 - 1e6);
            case DECIMAL -> decimal(column, edge, random);
            case STRING -> edge ? pick(STRINGS, random) : word(random);
            case BINARY -> edge ? pick(BINARIES, random) : word(random);
            case DATE -> edge ? pick(DATES, random)
                    : LocalDate.ofEpochDay(random.nextLong(-200_000, 200_000)).toString();
            case TIMESTAMP -> edge ? pick(TIMESTAMPS, random)
                    : LocalDateTime.of(LocalDate.ofEpochDay(random.nextLong(-50_000, 50_000)),
                            java.time.LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000L) * 1000))
                            .format(TIMESTAMP_TEXT);
        };
        return new Value(kind, text);
    }

    /** A value that fits the decimal column: its limits, zero, a half, or random digits. */
    private static String decimal(Column column, boolean edge, SplittableRandom random) {
        int[] ps = column.precisionAndScale();
        int precision = ps[0];
        int scale = ps[1];
        BigDecimal max = new BigDecimal(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE), scale);
        if (edge) {
            return switch (random.nextInt(6)) {
                case 0 -> max.toPlainString();
                case 1 -> max.negate().toPlainString();
                case 2 -> BigDecimal.ZERO.setScale(scale).toPlainString();
                case 3 -> BigDecimal.ONE.setScale(scale).toPlainString();
                case 4 -> new BigDecimal("0.5").setScale(scale, RoundingMode.HALF_UP).toPlainString();
                default -> BigDecimal.ONE.movePointLeft(scale).toPlainString();
            };
        }
        BigInteger digits = new BigInteger(precision * 3, new java.util.Random(random.nextLong()))
                .mod(BigInteger.TEN.pow(precision));
        BigDecimal value = new BigDecimal(digits, scale);
        return (random.nextBoolean() ? value : value.negate()).toPlainString();
    }

    private static String word(SplittableRandom random) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 _-";
        StringBuilder word = new StringBuilder();
        int length = random.nextInt(0, 12);
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
