package sluice.engine.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.AggregateFunction;
import sluice.engine.state.PartitionState;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;

/**
 * Folds a batch's rows into the session windows an aggregation keeps in state, as Spark's
 * SessionWindowStateStoreRestoreExec, MergingSessionsExec and SessionWindowStateStoreSaveExec do together: per group
 * (the keys other than the session), the sessions in state and the rows' own sessions {@code [time, time + gap)} are
 * taken in order of their start, and each one that starts at or before the end of the session before it joins that
 * session. A session made of more than one part replaces its parts in state, under its new start and end, with their
 * aggregates merged. Stateless apart from its settings; the state is the caller's.
 */
final class SessionMerge {
    private final RowEncoding keys;
    private final int sessionKey;
    private final List<AggregateCall> aggregations;
    private final int[] offsets;
    private final int width;

    SessionMerge(RowEncoding keys, int sessionKey, List<AggregateCall> aggregations, int[] offsets, int width) {
        this.keys = keys;
        this.sessionKey = sessionKey;
        this.aggregations = aggregations;
        this.offsets = offsets;
        this.width = width;
    }

    /** One part of a session: a session in state ({@code args} null) or a row of the batch with its own session. */
    record Part(StateKey key, long start, long end, List<List<ColumnVector>> args, int row) {}

    /** Rows of the batch, grouped as they come, for {@link #apply}. */
    final class Parts {
        private final Map<StateKey, List<Part>> byGroup = new LinkedHashMap<>();

        void addRow(StateKey group, StateKey key, long start, long end, List<List<ColumnVector>> args, int row) {
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Part(key, start, end, args, row));
        }

        boolean isEmpty() {
            return byGroup.isEmpty();
        }
    }

    Parts parts() {
        return new Parts();
    }

    /** The group of a key: the key with its session left out, which decides the state partition too. */
    StateKey groupOf(Object[] keyValues) {
        Object session = keyValues[sessionKey];
        keyValues[sessionKey] = null;
        StateKey group = new StateKey(keys.encode(keyValues, 0));
        keyValues[sessionKey] = session;
        return group;
    }

    /** Merges the batch's rows of one state partition into its sessions; the state's batch has begun. */
    void apply(PartitionState state, Parts rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<StateKey, List<Part>> kept = new HashMap<>();
        Object[] keyValues = new Object[keys.width()];
        for (StateKey key : state.keys()) {
            keys.decodeKey(key, keyValues);
            StateKey group = groupOf(keyValues);
            if (rows.byGroup.containsKey(group)) {
                Row session = (Row) keyValues[sessionKey];
                kept.computeIfAbsent(group, g -> new ArrayList<>()).add(new Part(key,
                        micros((Instant) session.get(0)), micros((Instant) session.get(1)), null, -1));
            }
        }
        rows.byGroup.forEach((group, parts) -> {
            List<Part> all = new ArrayList<>(kept.getOrDefault(group, List.of()));
            all.addAll(parts);
            // Stable: on an equal start a session in state comes before the batch's rows.
            all.sort(Comparator.comparingLong(Part::start));
            List<Part> run = new ArrayList<>();
            long end = Long.MIN_VALUE;
            for (Part part : all) {
                if (!run.isEmpty() && part.start() > end) {
                    write(state, run, end);
                    run.clear();
                }
                end = run.isEmpty() ? part.end() : Math.max(end, part.end());
                run.add(part);
            }
            write(state, run, end);
        });
    }

    /** Writes one merged session; a session in state that nothing joined stays as it is. */
    private void write(PartitionState state, List<Part> run, long end) {
        if (run.size() == 1 && run.get(0).args() == null) {
            return;
        }
        Object[] buffer = new Object[width];
        for (int a = 0; a < aggregations.size(); a++) {
            aggregations.get(a).function().initialize(buffer, offsets[a]);
        }
        for (Part part : run) {
            for (int a = 0; a < aggregations.size(); a++) {
                AggregateFunction function = aggregations.get(a).function();
                if (part.args() == null) {
                    // The rows before this session go first, so order-dependent results keep the order of time.
                    function.endBatch(buffer, offsets[a]);
                    function.merge(buffer, offsets[a], state.get(part.key()), offsets[a]);
                } else {
                    function.update(buffer, offsets[a], part.args().get(a), part.row());
                }
            }
        }
        for (int a = 0; a < aggregations.size(); a++) {
            aggregations.get(a).function().endBatch(buffer, offsets[a]);
        }
        run.stream().filter(part -> part.args() == null).forEach(part -> state.remove(part.key()));
        Object[] keyValues = new Object[keys.width()];
        keys.decodeKey(run.get(0).key(), keyValues);
        keyValues[sessionKey] = Row.of(AggregateOperator.instant(run.get(0).start()), AggregateOperator.instant(end));
        state.put(new StateKey(keys.encode(keyValues, 0)), buffer);
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
