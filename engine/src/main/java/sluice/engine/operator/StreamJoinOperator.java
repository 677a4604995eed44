package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.state.StateCopy;
import sluice.engine.state.StateLocation;
import sluice.engine.state.StateMetrics;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.LongVector;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Spark's join of two streams (StreamingSymmetricHashJoinExec): inner, left outer, right outer, full outer and left
 * semi. Each side keeps its rows in a state store of its own ({@link JoinSideState}). A batch joins its new left rows
 * with the right rows kept before it, keeps them, then joins its new right rows with the left rows kept (this batch's
 * included) and keeps them, so every matching pair comes out once, in the batch where its later row arrives; each row
 * of state a new row matches is marked matched.
 * <p>
 * With watermarks ({@link #withWatermarks}), rows behind the previous batch's watermark are late and dropped, and
 * after the joins the rows that no future row can match leave the state, as Spark decides it: by a join key that is
 * a watermarked column, or by the state value watermark the condition's time range gives with the other side's
 * watermark. An outer join gives the rows of its outer side that leave the state never matched, with nulls for the
 * other side. Mutable (its state), owned by one query; batches run one at a time.
 */
public final class StreamJoinOperator implements StatefulOperator {
    private final JoinType type;
    private final StreamJoinCondition condition;
    private final HashJoin join;
    private final List<JoinColumn> columns;
    private final Schema schema;
    private final JoinSideState left;
    private final JoinSideState right;
    /** Whether a watermark is above either side (Spark then runs no-data batches to let state go). */
    private final boolean hasWatermark;
    /** The event-time columns of the watermarks that reach each side, -1 for none. */
    private final int leftTimeColumn;
    private final int rightTimeColumn;
    /** The eviction watermark the last batch used, for Spark's test whether a no-data batch must run. */
    private long lastEvictionWatermarkMs;
    private final AtomicLong droppedByWatermark = new AtomicLong();

    public StreamJoinOperator(JoinType type, StreamJoinCondition condition, Schema left, Schema right,
                              List<JoinColumn> columns, Schema schema) {
        this(type, condition, left, right, columns, schema, false, -1, -1);
    }

    private StreamJoinOperator(JoinType type, StreamJoinCondition condition, Schema left, Schema right,
                               List<JoinColumn> columns, Schema schema, boolean hasWatermark, int leftTimeColumn,
                               int rightTimeColumn) {
        this.type = requireNonNull(type, "type is null");
        this.condition = requireNonNull(condition, "condition is null");
        this.columns = List.copyOf(columns);
        this.join = new HashJoin(type, condition.match(), left, right, columns, schema);
        this.schema = requireNonNull(schema, "schema is null");
        this.left = new JoinSideState("left", left);
        this.right = new JoinSideState("right", right);
        this.hasWatermark = hasWatermark;
        this.leftTimeColumn = leftTimeColumn;
        this.rightTimeColumn = rightTimeColumn;
    }

    /**
     * This join below a watermark, whose event-time column is column {@code leftTimeColumn} of the left input and
     * {@code rightTimeColumn} of the right (-1 where it does not reach that side).
     */
    public StreamJoinOperator withWatermarks(int leftTimeColumn, int rightTimeColumn) {
        if (leftTimeColumn >= left.schema().size() || rightTimeColumn >= right.schema().size()) {
            throw new IllegalArgumentException("no such event-time column: " + leftTimeColumn + ", " + rightTimeColumn);
        }
        return new StreamJoinOperator(type, condition, left.schema(), right.schema(), columns, schema, true,
                leftTimeColumn, rightTimeColumn);
    }

    public JoinType type() {
        return type;
    }

    public StreamJoinCondition condition() {
        return condition;
    }

    public Schema leftSchema() {
        return left.schema();
    }

    public Schema rightSchema() {
        return right.schema();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        // The state keeps whole rows of both sides: every input column is read.
        BitSet all = new BitSet();
        all.set(0, inputWidth);
        return all;
    }

    @Override
    public void openState(StateContext context) {
        Path folder = context.checkpoint() == null ? null
                : StateLocation.folder(context.checkpoint(), context.operatorId());
        left.open(folder, context);
        right.open(folder, context);
    }

    @Override
    public String stateOperatorName() {
        return "symmetricHashJoin";
    }

    @Override
    public StateMetrics stateMetrics() {
        return left.metrics().plus(right.metrics());
    }

    @Override
    public long numRowsDroppedByWatermark() {
        return droppedByWatermark.get();
    }

    @Override
    public boolean shouldRunAnotherBatch(long newWatermarkMs) {
        // Spark's join asks for a no-data batch when a side's state can go by the watermark and the watermark moved.
        boolean evicts = eviction(0, 0).isPresent() || eviction(1, 0).isPresent();
        return hasWatermark && evicts && Math.max(newWatermarkMs, 0) > lastEvictionWatermarkMs;
    }

    /**
     * The rows both sides keep after batch {@code batchId}, left first, each in the order it arrived: {@code side}
     * ('left' or 'right'), then the left input's columns, then the right input's (null on the other side's rows).
     */
    @Override
    public StateRows stateRows(long batchId, int maxRows) {
        if (!left.isOpen()) {
            throw new IllegalStateException("the state of a stream-stream join is read before it is opened");
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("side", AtomicType.STRING, false));
        left.schema().fields().forEach(field -> fields.add(new Field(field.name(), field.type(), true)));
        right.schema().fields().forEach(field -> fields.add(new Field(field.name(), field.type(), true)));
        List<Object[]> rows = new ArrayList<>();
        long total = 0;
        int from = 1;
        // Each side gets half the rows at first, so a long left side cannot hide the right; what one leaves, the
        // other may use.
        int leftShare = maxRows - maxRows / 2;
        StateCopy leftCopy = left.copyOf(batchId + 1, leftShare);
        StateCopy rightCopy = right.copyOf(batchId + 1, maxRows - leftCopy.rows().size());
        if (rightCopy.rows().size() < maxRows - leftShare && leftCopy.totalRows() > leftShare) {
            leftCopy = left.copyOf(batchId + 1, maxRows - rightCopy.rows().size());
        }
        List<StateCopy> copies = List.of(leftCopy, rightCopy);
        for (int s = 0; s < copies.size(); s++) {
            JoinSideState side = s == 0 ? left : right;
            StateCopy copy = copies.get(s);
            total += copy.totalRows();
            for (Object[] value : copy.rows().values()) {
                Object[] row = new Object[fields.size()];
                row[0] = side.name();
                // A side's state value starts with its row's columns (it may keep more after them).
                System.arraycopy(value, 0, row, from, side.schema().size());
                rows.add(row);
            }
            from += side.schema().size();
        }
        return StateRows.of(new Schema(fields), rows, total);
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (!left.isOpen()) {
            throw new IllegalStateException("the state of a stream-stream join is used before it is opened");
        }
        droppedByWatermark.set(0);
        long lateMicros = context.watermarks().forLateEventsMs() * 1000L;
        long evictionMs = context.watermarks().forEvictionMs();
        Batch newLeft = onTime(inputs.get(0).toBatch(), leftTimeColumn, lateMicros);
        Batch newRight = onTime(inputs.get(1).toBatch(), rightTimeColumn, lateMicros);
        left.begin(context.batchId());
        right.begin(context.batchId());
        Eviction leftGoes = eviction(0, evictionMs).orElse(null);
        Eviction rightGoes = eviction(1, evictionMs).orElse(null);
        EvalContext eval = context.eval();
        List<Batch> output = new ArrayList<>();
        joinLeftRows(newLeft, leftGoes, eval, output);
        joinRightRows(newRight, rightGoes, eval, output);
        Batch leftGone = left.evict(leftGoes == null ? new BitSet() : leftGoes.rows(left.rows(), eval));
        Batch rightGone = right.evict(rightGoes == null ? new BitSet() : rightGoes.rows(right.rows(), eval));
        if (type.keepsUnmatchedLeft()) {
            output.add(withNulls(leftGone, true));
        }
        if (type.keepsUnmatchedRight()) {
            output.add(withNulls(rightGone, false));
        }
        left.commit();
        right.commit();
        lastEvictionWatermarkMs = hasWatermark ? evictionMs : 0;
        return new PartitionedBatch(schema, output);
    }

    /** New left rows against the right rows kept before this batch; those that may match later are kept. */
    private void joinLeftRows(Batch rows, Eviction goes, EvalContext eval, List<Batch> output) {
        BitSet passes = passes(rows, condition.leftOnly(), eval);
        Batch candidates = rows.select(indexes(passes, rows.rowCount()), passes.cardinality());
        if (type.keepsUnmatchedLeft()) {
            BitSet fails = (BitSet) passes.clone();
            fails.flip(0, rows.rowCount());
            output.add(withNulls(rows.select(indexes(fails, rows.rowCount()), fails.cardinality()), true));
        }
        HashJoin.Matches matches = join.matches(candidates, join.build(right.rows(), false, eval), true, eval);
        boolean[] matched = new boolean[candidates.rowCount()];
        for (int i = 0; i < matches.size(); i++) {
            matched[matches.left()[i]] = true;
            right.markMatched(matches.right()[i]);
        }
        if (type == JoinType.LEFT_SEMI) {
            int[] firsts = new int[candidates.rowCount()];
            int count = 0;
            for (int r = 0; r < matched.length; r++) {
                if (matched[r]) {
                    firsts[count++] = r;
                }
            }
            output.add(join.assemble(candidates, Batch.empty(right.schema()), firsts, minusOnes(count), count));
        } else {
            output.add(join.assemble(candidates, right.rows(), matches.left(), matches.right(), matches.size()));
        }
        keep(left, candidates, matched, goes, eval);
    }

    /** New right rows against the left rows kept, this batch's included; those that may match later are kept. */
    private void joinRightRows(Batch rows, Eviction goes, EvalContext eval, List<Batch> output) {
        BitSet passes = passes(rows, condition.rightOnly(), eval);
        Batch candidates = rows.select(indexes(passes, rows.rowCount()), passes.cardinality());
        if (type.keepsUnmatchedRight()) {
            BitSet fails = (BitSet) passes.clone();
            fails.flip(0, rows.rowCount());
            output.add(withNulls(rows.select(indexes(fails, rows.rowCount()), fails.cardinality()), false));
        }
        HashJoin.Matches matches = join.matches(candidates, join.build(left.rows(), true, eval), false, eval);
        boolean[] matched = new boolean[candidates.rowCount()];
        int[] outLeft = new int[matches.size()];
        int[] outRight = new int[matches.size()];
        int count = 0;
        for (int i = 0; i < matches.size(); i++) {
            int kept = matches.left()[i];
            // A left semi join gives each left row once: a kept row some right row matched before is passed over.
            if (type == JoinType.LEFT_SEMI && left.isMatched(kept)) {
                continue;
            }
            left.markMatched(kept);
            matched[matches.right()[i]] = true;
            outLeft[count] = kept;
            outRight[count] = type == JoinType.LEFT_SEMI ? -1 : matches.right()[i];
            count++;
        }
        output.add(join.assemble(left.rows(), type == JoinType.LEFT_SEMI ? Batch.empty(right.schema()) : candidates,
                outLeft, outRight, count));
        keep(right, candidates, matched, goes, eval);
    }

    /**
     * Keeps the new rows of one side as Spark's join does: every left row (but a left semi join's matched ones), for
     * the right rows of the same batch still meet them, and those behind the state watermark leave again at the end
     * of the batch (an outer join giving them with nulls then); a right row only when it is not behind the state
     * watermark, or when it is an unmatched row of a right or full outer join, which leaves the same way.
     */
    private void keep(JoinSideState side, Batch rows, boolean[] matched, Eviction goes, EvalContext eval) {
        boolean isLeft = side == left;
        BitSet behind = goes == null || isLeft ? new BitSet() : goes.rows(rows, eval);
        int[] kept = new int[rows.rowCount()];
        boolean[] flags = new boolean[rows.rowCount()];
        int count = 0;
        for (int r = 0; r < rows.rowCount(); r++) {
            boolean keeps = isLeft ? !(type == JoinType.LEFT_SEMI && matched[r])
                    : !behind.get(r) || (type.keepsUnmatchedRight() && !matched[r]);
            if (keeps) {
                flags[count] = matched[r];
                kept[count++] = r;
            }
        }
        side.add(rows, kept, flags, count);
    }

    private Batch withNulls(Batch rows, boolean leftRows) {
        int count = rows.rowCount();
        int[] all = new int[count];
        Arrays.setAll(all, i -> i);
        return leftRows ? join.assemble(rows, Batch.empty(right.schema()), all, minusOnes(count), count)
                : join.assemble(Batch.empty(left.schema()), rows, minusOnes(count), all, count);
    }

    private static int[] minusOnes(int count) {
        int[] none = new int[count];
        Arrays.fill(none, -1);
        return none;
    }

    private static int[] indexes(BitSet set, int size) {
        return set.stream().filter(i -> i < size).toArray();
    }

    /** The rows for which every one-side conjunct is true (a null is not). */
    private static BitSet passes(Batch rows, List<CompiledExpression> conjuncts, EvalContext eval) {
        BitSet passes = new BitSet();
        passes.set(0, rows.rowCount());
        for (CompiledExpression conjunct : conjuncts) {
            ColumnVector result = conjunct.evaluate(rows, eval);
            for (int r = passes.nextSetBit(0); r >= 0; r = passes.nextSetBit(r + 1)) {
                if (result.isNull(r) || !Boolean.TRUE.equals(result.get(r))) {
                    passes.clear(r);
                }
            }
        }
        return passes;
    }

    /**
     * Row {@code r}'s event time in microseconds: a timestamp's own, or a window's end, as Spark's watermark predicate
     * reads a window column (an earlier aggregation's).
     */
    private static long eventMicros(ColumnVector times, int r) {
        if (times instanceof LongVector timestamps) {
            return timestamps.getLong(r);
        }
        Instant end = (Instant) ((Row) times.get(r)).get(1);
        return Math.addExact(Math.multiplyExact(end.getEpochSecond(), 1_000_000L), end.getNano() / 1000);
    }

    /** The rows that are not late: a null event time never is (Spark's predicate is null for it). */
    private Batch onTime(Batch rows, int timeColumn, long lateMicros) {
        if (timeColumn < 0) {
            return rows;
        }
        ColumnVector times = rows.column(timeColumn);
        int[] onTime = new int[rows.rowCount()];
        int count = 0;
        for (int r = 0; r < onTime.length; r++) {
            if (times.isNull(r) || eventMicros(times, r) > lateMicros) {
                onTime[count++] = r;
            }
        }
        droppedByWatermark.addAndGet(onTime.length - count);
        return count == onTime.length ? rows : rows.select(onTime, count);
    }

    /**
     * Which rows of side {@code side} (0 left, 1 right) can go at eviction watermark {@code watermarkMs}, as Spark's
     * getOneSideStateWatermarkPredicate: by the watermarked join key, or else by the side's own event time against
     * the state value watermark; empty when neither applies.
     */
    private Optional<Eviction> eviction(int side, long watermarkMs) {
        if (!hasWatermark) {
            return Optional.empty();
        }
        int key = condition.watermarkKey(leftTimeColumn, rightTimeColumn);
        if (key >= 0) {
            CompiledExpression keyOfSide = side == 0 ? condition.match().leftKeys().get(key)
                    : condition.match().rightKeys().get(key);
            return Optional.of(new Eviction(keyOfSide, -1, watermarkMs));
        }
        int ownTime = side == 0 ? leftTimeColumn : rightTimeColumn;
        int otherTime = side == 0 ? rightTimeColumn : leftTimeColumn;
        OptionalLong bound = TimeInequality.stateWatermarkMs(condition.timeBounds(), side, otherTime, watermarkMs);
        return ownTime < 0 || bound.isEmpty() ? Optional.empty()
                : Optional.of(new Eviction(null, ownTime, bound.getAsLong()));
    }

    /**
     * Rows leave when a timestamp, the join key {@code key} or else the column {@code column}, is at or before
     * {@code boundMs}; a null one never does.
     */
    private record Eviction(CompiledExpression key, int column, long boundMs) {
        BitSet rows(Batch rows, EvalContext eval) {
            ColumnVector times = key != null ? key.evaluate(rows, eval) : rows.column(column);
            BitSet goes = new BitSet();
            long boundMicros = boundMs * 1000L;
            for (int r = 0; r < rows.rowCount(); r++) {
                if (!times.isNull(r) && eventMicros(times, r) <= boundMicros) {
                    goes.set(r);
                }
            }
            return goes;
        }
    }
}
