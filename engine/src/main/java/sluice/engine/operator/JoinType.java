package sluice.engine.operator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Spark's join types, with the names its {@code join(other, on, how)} accepts and the name its messages print. */
public enum JoinType {
    INNER("Inner", "inner"),
    CROSS("Cross", "cross"),
    LEFT_OUTER("LeftOuter", "left", "leftouter", "left_outer"),
    RIGHT_OUTER("RightOuter", "right", "rightouter", "right_outer"),
    FULL_OUTER("FullOuter", "outer", "full", "fullouter", "full_outer"),
    LEFT_SEMI("LeftSemi", "semi", "leftsemi", "left_semi"),
    LEFT_ANTI("LeftAnti", "anti", "leftanti", "left_anti");

    private final String sparkName;
    private final List<String> names;

    JoinType(String sparkName, String... names) {
        this.sparkName = sparkName;
        this.names = List.of(names);
    }

    /** How Spark prints the type in its messages ({@code LeftOuter}). */
    public String sparkName() {
        return sparkName;
    }

    /** Every {@code how} Spark accepts, in declaration order. */
    public static List<String> allNames() {
        return java.util.Arrays.stream(values()).flatMap(type -> type.names.stream()).toList();
    }

    /** The type {@code how} names, ignoring case and underscores as Spark does. */
    public static Optional<JoinType> parse(String how) {
        String wanted = how.trim().toLowerCase(Locale.ROOT).replace("_", "");
        for (JoinType type : values()) {
            if (type.names.stream().anyMatch(name -> name.replace("_", "").equals(wanted))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether a row of the left side is kept when nothing on the right matches it. */
    boolean keepsUnmatchedLeft() {
        return this == LEFT_OUTER || this == FULL_OUTER;
    }

    /** Whether a row of the right side is kept when nothing on the left matches it. */
    boolean keepsUnmatchedRight() {
        return this == RIGHT_OUTER || this == FULL_OUTER;
    }

    /** Whether the output has the left side's columns only (semi and anti joins). */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }
}
