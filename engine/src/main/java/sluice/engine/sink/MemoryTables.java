package sluice.engine.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Thread-safe: the rows that {@code sink.memory} nodes keep under their query names, as Spark's memory sink
 * keeps a table per query name. One instance per engine environment (no global state); written by query
 * threads, read by tests and the workbench.
 */
public final class MemoryTables {
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** A snapshot of one table: its schema and rows. */
    public record Table(Schema schema, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    public synchronized void append(String name, Schema schema, List<Row> rows) {
        Table old = tables.get(name);
        List<Row> all = new ArrayList<>(old == null ? List.of() : old.rows());
        all.addAll(rows);
        tables.put(name, new Table(schema, all));
    }

    public synchronized void replace(String name, Schema schema, List<Row> rows) {
        tables.put(name, new Table(schema, rows));
    }

    public synchronized Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public synchronized List<String> names() {
        return List.copyOf(tables.keySet());
    }
}
