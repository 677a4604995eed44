package sluice.engine.diag;

/**
 * Where a problem is: a node, one of its options, and a 1-based line and column inside that option's text.
 * Every part is optional: null for an absent node or option, 0 for an absent line or column.
 */
public record Position(String nodeId, String option, int line, int column) {
    public static final Position NOWHERE = new Position(null, null, 0, 0);

    public Position {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static Position node(String nodeId) {
        return new Position(nodeId, null, 0, 0);
    }

    public static Position option(String nodeId, String option) {
        return new Position(nodeId, option, 0, 0);
    }

    /** The option name of element {@code index} (0-based) of a list option: {@code expressions #3} for the third. */
    public static String elementOption(String option, int index) {
        return option + " #" + (index + 1);
    }

    /** The list option an element name belongs to ({@code expressions} for {@code expressions #3}), or the name. */
    public static String baseOption(String option) {
        int hash = option.indexOf(" #");
        return hash < 0 ? option : option.substring(0, hash);
    }

    /** The 0-based element an option name points at ({@code 2} for {@code expressions #3}); 0 when none. */
    public static int elementIndex(String option) {
        int hash = option.indexOf(" #");
        if (hash < 0) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(option.substring(hash + 2).trim()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public Position withOption(String name) {
        return new Position(nodeId, name, 0, 0);
    }

    public Position at(int line, int column) {
        return new Position(nodeId, option, line, column);
    }

    /** The position shifted to a 0-based character offset inside a one-line option text. */
    public Position atOffset(int offset) {
        return new Position(nodeId, option, 1, offset + 1);
    }

    public boolean hasLocation() {
        return line > 0;
    }

    /** {@code filter-2 / condition, 1:14}, or as much of it as is known; control characters escaped. */
    public String render() {
        StringBuilder text = new StringBuilder();
        if (nodeId != null) {
            text.append(ControlCharacters.escape(nodeId));
        }
        if (option != null) {
            text.append(text.length() > 0 ? " / " : "").append(ControlCharacters.escape(option));
        }
        if (line > 0) {
            text.append(text.length() > 0 ? ", " : "").append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
