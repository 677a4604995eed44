package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.EvalContext;
import sluice.engine.operator.AggregateOperator;
import sluice.engine.operator.EventTimeWatermarks;
import sluice.engine.operator.PartitionOperator;
import sluice.engine.operator.PartitionTasks;
import sluice.engine.operator.TaskContext;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;
import sluice.engine.sink.Sink;
import sluice.engine.source.BatchBorrower;
import sluice.engine.source.InputFigures;
import sluice.engine.source.InputPartition;
import sluice.engine.task.TaskInterruption;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/**
 * Runs one micro-batch through a plan. As Spark pipelines narrow operators inside one task, a source's partition is
 * read and sent through the chain of per-partition operators that follows it in one task, a batch of rows at a time
 * as the source hands them on, so a partition's rows die young instead of waiting for the whole batch; the partitions
 * of a batch run in parallel. Other operators run
 * stage by stage. A failure is reported against the node it happened in. Owned by the query thread.
 */
final class BatchRunner {
    private final QueryPlan plan;
    private final PartitionTasks tasks;
    private final EngineEnvironment environment;
    /** For each source, the per-partition operators fused behind it, in order. */
    private final Map<String, List<QueryPlan.Step>> chains = new HashMap<>();
    private final java.util.Set<String> fused = new java.util.HashSet<>();
    /** The sources whose chain's rows only go to a sink that does not read them (see {@link Sink#readsRows}). */
    private final java.util.Set<String> dropsRows = new java.util.HashSet<>();
    /**
     * For each source whose chain's rows go only to an aggregation that folds them in their tasks
     * ({@link AggregateOperator#foldsInTasks}), that aggregation's step: its partial aggregate is taken chunk by
     * chunk in the partition's task, as Spark's partial aggregation runs in the map task, so rows die young.
     */
    private final Map<String, QueryPlan.Step> foldedBy = new HashMap<>();
    /** The running batch's input figures by source node, read by other threads while the batch runs. */
    private final Map<String, InputFigures> running = new java.util.concurrent.ConcurrentHashMap<>();

    BatchRunner(QueryPlan plan, PartitionTasks tasks, EngineEnvironment environment) {
        this.plan = requireNonNull(plan, "plan is null");
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.environment = requireNonNull(environment, "environment is null");
        // Consumers looked up in a map, not by scanning the plan per node: a chain of many thousand nodes stays fast.
        Map<String, List<QueryPlan.Step>> consumers = new HashMap<>();
        for (QueryPlan.Step step : plan.steps()) {
            step.inputs().stream().distinct()
                    .forEach(input -> consumers.computeIfAbsent(input, id -> new ArrayList<>()).add(step));
        }
        for (QueryPlan.Step source : plan.sources()) {
            List<QueryPlan.Step> chain = chainAfter(source, consumers);
            chains.put(source.nodeId(), chain);
            chain.forEach(step -> fused.add(step.nodeId()));
            String last = chain.isEmpty() ? source.nodeId() : chain.get(chain.size() - 1).nodeId();
            List<QueryPlan.Step> readers = consumers.getOrDefault(last, List.of());
            if (readers.size() == 1 && readers.get(0).node() instanceof PlannedNode.SinkNode sink
                    && !sink.sink().readsRows()) {
                dropsRows.add(source.nodeId());
            }
            if (readers.size() == 1 && readers.get(0).inputs().size() == 1
                    && readers.get(0).node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof AggregateOperator aggregate && aggregate.foldsInTasks()) {
                foldedBy.put(source.nodeId(), readers.get(0));
            }
        }
    }

    /** The per-partition operators that can run in the same task as {@code start}'s partitions. */
    private static List<QueryPlan.Step> chainAfter(QueryPlan.Step start,
                                                   Map<String, List<QueryPlan.Step>> consumersById) {
        List<QueryPlan.Step> chain = new ArrayList<>();
        QueryPlan.Step current = start;
        while (true) {
            List<QueryPlan.Step> consumers = consumersById.getOrDefault(current.nodeId(), List.of());
            if (consumers.size() != 1) {
                return chain;
            }
            QueryPlan.Step next = consumers.get(0);
            if (!(next.node() instanceof PlannedNode.TransformNode transform)
                    || !(transform.operator() instanceof PartitionOperator) || next.inputs().size() != 1) {
                return chain;
            }
            chain.add(next);
            current = next;
        }
    }

    /**
     * What a batch produced: the rows out of every node (a sink's: its input), and, when asked for, every node's
     * output itself, by node id in plan order.
     */
    record Outcome(Map<String, Long> rowCounts, Map<String, PartitionedBatch> outputs,
                   Map<String, QueryProgress.SourceInput> inputs) {}

    /** The figures of the batch running now (the malformed count so far), by source node in plan order. */
    Map<String, QueryProgress.SourceInput> runningInput() {
        Map<String, QueryProgress.SourceInput> now = new LinkedHashMap<>();
        for (QueryPlan.Step source : plan.sources()) {
            InputFigures figures = running.get(source.nodeId());
            if (figures != null) {
                now.put(source.nodeId(), QueryProgress.SourceInput.of(figures));
            }
        }
        return now;
    }

    Outcome run(long batchId, List<String> starts, List<String> ends, long batchTimestampMs,
                EventTimeWatermarks watermarks, boolean keepOutputs) {
        // Like Spark in a stream, every micro-batch draws its random functions' seeds afresh.
        TaskContext context = new TaskContext(batchId, new EvalContext(Math.multiplyExact(batchTimestampMs, 1000L),
                environment.zone(), 0, ThreadLocalRandom.current().nextLong()), tasks, watermarks);
        Map<String, PartitionedBatch> results = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, PartitionedBatch> kept = new LinkedHashMap<>();
        java.util.Set<String> dropped = new java.util.HashSet<>();
        running.clear();
        foldConstants(context);
        int sourceIndex = 0;
        for (QueryPlan.Step step : plan.steps()) {
            TaskInterruption.check();
            PlannedNode node = step.node();
            if (node instanceof PlannedNode.SourceNode source) {
                String start = starts.get(sourceIndex);
                String end = ends.get(sourceIndex);
                sourceIndex++;
                runChain(step, source, start, end, context, results, counts, keepOutputs ? kept : null, dropped);
                continue;
            } else if (fused.contains(step.nodeId())) {
                continue;
            } else if (node instanceof PlannedNode.TransformNode transform) {
                List<PartitionedBatch> inputs = inputsOf(step, results);
                results.put(step.nodeId(), inNode(step.nodeId(), () -> transform.operator().execute(inputs, context)));
            } else if (node instanceof PlannedNode.SinkNode sink) {
                PartitionedBatch input = inputsOf(step, results).get(0);
                results.put(step.nodeId(), input);
                inNode(step.nodeId(), () -> {
                    sink.sink().addBatch(batchId, input);
                    return input;
                });
                if (dropped.contains(step.inputs().get(0))) {
                    counts.put(step.nodeId(), counts.get(step.inputs().get(0)));
                    continue;
                }
            } else {
                throw new AssertionError(node);
            }
            counts.put(step.nodeId(), results.get(step.nodeId()).rowCount());
            if (keepOutputs) {
                kept.put(step.nodeId(), results.get(step.nodeId()));
            }
        }
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        plan.steps().forEach(step -> rowCounts.put(step.nodeId(), counts.getOrDefault(step.nodeId(), 0L)));
        Map<String, QueryProgress.SourceInput> inputs = runningInput();
        running.clear();
        return new Outcome(rowCounts, keepOutputs ? Collections.unmodifiableMap(kept) : Map.of(), inputs);
    }

    /**
     * Spark's optimizer folds the constants of every operator while it plans the batch, from the sink side down, so a
     * constant that fails fails the batch before any row is read, also a batch whose files hold no rows.
     */
    private void foldConstants(TaskContext context) {
        List<QueryPlan.Step> steps = plan.steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            QueryPlan.Step step = steps.get(i);
            if (step.node() instanceof PlannedNode.TransformNode transform) {
                inNode(step.nodeId(), () -> {
                    transform.operator().foldConstants(context.eval());
                    return transform;
                });
            }
        }
    }

    /**
     * Mutable, owned by one partition task: a partition's output after each node of a fused chain and its row counts.
     * The source hands its rows on in batches; each goes through the chain before the next is read, and only the
     * chain's last output is kept (every node's when they are inspected), so memory follows what the batch keeps,
     * not what the source reads.
     */
    private static final class PartitionRun {
        private final List<QueryPlan.Step> chain;
        private final TaskContext context;
        private final List<List<Batch>> stages = new ArrayList<>();
        private final long[] rows;
        private final boolean keepAll;
        private final boolean keepLast;
        /** Each stage's output in one batch, made by {@link #gather} at the end of the task; null if not kept. */
        private final Batch[] outputs;
        /** Where the chain's output goes instead of being kept (an aggregation's fold), or null. */
        private AggregateOperator.PartitionFold fold;
        private String foldNodeId;

        PartitionRun(List<QueryPlan.Step> chain, TaskContext context, boolean keepAll, boolean keepLast) {
            this.chain = chain;
            this.context = context;
            this.keepAll = keepAll;
            this.keepLast = keepLast;
            this.outputs = new Batch[chain.size() + 1];
            this.rows = new long[chain.size() + 1];
            for (int i = 0; i <= chain.size(); i++) {
                stages.add(new ArrayList<>());
            }
        }

        /**
         * Where the partition's reader hands its batches. When nothing of the task is kept (no stage, no fold) the
         * batches die in {@link #accept}, as the chain's operators keep neither input nor output
         * ({@link PartitionOperator#apply}): then it is a {@link BatchBorrower}, and the reader may reuse its arrays.
         */
        java.util.function.Consumer<Batch> receiver() {
            return keepsNothing() ? (BatchBorrower) this::accept : this::accept;
        }

        private boolean keepsNothing() {
            return !keepAll && !keepLast && fold == null;
        }

        void accept(Batch read) {
            // A partition hands on its rows in chunks; stop can end it between any two of them.
            TaskInterruption.check();
            Batch current = read;
            rows[0] += current.rowCount();
            keep(0, current);
            // The last operator's rows are only counted when nothing keeps them (a filter then picks no copy).
            int applied = keepsNothing() && !chain.isEmpty() ? chain.size() - 1 : chain.size();
            for (int i = 0; i < applied; i++) {
                PartitionOperator operator = operator(i);
                Batch in = current;
                current = inNode(chain.get(i).nodeId(), () -> operator.apply(in, context));
                rows[i + 1] += current.rowCount();
                keep(i + 1, current);
            }
            if (applied < chain.size()) {
                PartitionOperator operator = operator(applied);
                Batch in = current;
                rows[applied + 1] += inNode(chain.get(applied).nodeId(), () -> operator.countRows(in, context));
                return;
            }
            if (fold != null) {
                Batch out = current;
                inNode(foldNodeId, () -> {
                    fold.add(out);
                    return out;
                });
            }
        }

        private PartitionOperator operator(int index) {
            return (PartitionOperator) ((PlannedNode.TransformNode) chain.get(index).node()).operator();
        }

        /** Sends the chain's output to {@code fold} (of node {@code nodeId}) chunk by chunk instead of keeping it. */
        void foldInto(AggregateOperator.PartitionFold fold, String nodeId) {
            this.fold = fold;
            this.foldNodeId = nodeId;
        }

        private void keep(int stage, Batch batch) {
            if ((keepAll || stage == chain.size() && keepLast) && batch.rowCount() > 0) {
                stages.get(stage).add(batch);
            }
        }

        /**
         * Puts each kept stage's batches in one, in the task, so the partitions' copying runs in parallel rather than
         * on the query thread after them; {@code schemas} are the stages' (0 the source).
         */
        void gather(List<sluice.engine.types.Schema> schemas) {
            for (int stage = 0; stage < outputs.length; stage++) {
                if (keepAll || stage == chain.size() && keepLast) {
                    List<Batch> batches = stages.get(stage);
                    outputs[stage] = batches.isEmpty() ? Batch.empty(schemas.get(stage))
                            : batches.size() == 1 ? batches.get(0) : Batch.concat(schemas.get(stage), batches);
                    batches.clear();
                }
            }
        }

        /** The partition's output after node {@code stage} (0 the source) in one batch, or null if not kept. */
        Batch output(int stage) {
            return outputs[stage];
        }
    }

    /** Reads a source's partitions, each through the chain fused behind it in one task. */
    private void runChain(QueryPlan.Step sourceStep, PlannedNode.SourceNode source, String start, String end,
                          TaskContext context, Map<String, PartitionedBatch> results, Map<String, Long> counts,
                          Map<String, PartitionedBatch> kept, java.util.Set<String> dropped) {
        List<QueryPlan.Step> chain = chains.get(sourceStep.nodeId());
        boolean dropRows = kept == null && dropsRows.contains(sourceStep.nodeId());
        List<sluice.engine.types.Schema> schemas = new ArrayList<>();
        schemas.add(sourceStep.node().schema());
        chain.forEach(step -> schemas.add(step.node().schema()));
        List<InputPartition> partitions = end == null || Objects.equals(start, end) ? List.of()
                : inNode(sourceStep.nodeId(), () -> source.source().planInputPartitions(start, end));
        if (!partitions.isEmpty()) {
            source.source().plannedInput().ifPresent(figures -> running.put(sourceStep.nodeId(), figures));
        }
        int length = chain.size() + 1;
        QueryPlan.Step folding = kept == null ? foldedBy.get(sourceStep.nodeId()) : null;
        AggregateOperator aggregate = folding == null ? null
                : (AggregateOperator) ((PlannedNode.TransformNode) folding.node()).operator();
        List<Integer> indexes = IntStream.range(0, partitions.size()).boxed().toList();
        List<PartitionRun> runs = tasks.map(indexes, index -> {
            // Each partition is a task of its own, as in Spark: rand() and spark_partition_id() see its index, and a
            // random function's generator goes on from one chunk of the partition's rows to the next.
            TaskContext task = context.forPartition(index);
            PartitionRun run = new PartitionRun(chain, task, kept != null, !dropRows && aggregate == null);
            if (aggregate != null) {
                run.foldInto(aggregate.newPartitionFold(task), folding.nodeId());
            }
            inNode(sourceStep.nodeId(), () -> {
                partitions.get(index).read(run.receiver());
                return run;
            });
            run.gather(schemas);
            return run;
        });
        for (int i = 0; i < length; i++) {
            QueryPlan.Step step = i == 0 ? sourceStep : chain.get(i - 1);
            long rows = 0;
            for (PartitionRun run : runs) {
                rows += run.rows[i];
            }
            counts.put(step.nodeId(), rows);
            if (kept == null && i < length - 1) {
                continue;
            }
            if (aggregate != null && i == length - 1) {
                // The rows went to the aggregation's folds, which it takes in their place.
                List<AggregateOperator.PartitionFold> folds = new ArrayList<>(runs.size());
                runs.forEach(run -> folds.add(run.fold));
                aggregate.useFolds(context.batchId(), folds);
                results.put(step.nodeId(), new PartitionedBatch(step.node().schema(), List.of()));
                continue;
            }
            if (dropRows && i == length - 1) {
                results.put(step.nodeId(), new PartitionedBatch(step.node().schema(), List.of()));
                dropped.add(step.nodeId());
                continue;
            }
            List<Batch> batches = new ArrayList<>(runs.size());
            for (PartitionRun run : runs) {
                batches.add(run.output(i));
            }
            PartitionedBatch output = new PartitionedBatch(step.node().schema(), batches);
            results.put(step.nodeId(), output);
            if (kept != null) {
                kept.put(step.nodeId(), output);
            }
        }
    }

    private static List<PartitionedBatch> inputsOf(QueryPlan.Step step, Map<String, PartitionedBatch> outputs) {
        List<PartitionedBatch> inputs = new ArrayList<>(step.inputs().size());
        for (String input : step.inputs()) {
            inputs.add(outputs.get(input));
        }
        return inputs;
    }

    /** Runs {@code work}, placing user errors at {@code nodeId} and wrapping bugs with it; a stop passes through. */
    static <T> T inNode(String nodeId, Supplier<T> work) {
        try {
            return work.get();
        } catch (SluiceException e) {
            throw e.locatedAt(Position.node(nodeId));
        } catch (InternalFailure | TaskInterruption e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalFailure(nodeId, e);
        }
    }
}
