package sluice.spark.fuzz;

/** One column of a generated table: its name, kind and DDL type ({@code DECIMAL(10,2)} for a decimal). */
record Column(String name, Kind kind, String ddl) {
    /** Digits before and after the point of a decimal column; {0, 0} for other kinds. */
    int[] precisionAndScale() {
        if (kind != Kind.DECIMAL) {
            return new int[] {0, 0};
        }
        String inside = ddl.substring(ddl.indexOf('(') + 1, ddl.indexOf(')'));
        String[] parts = inside.split(",");
        return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
    }
}
