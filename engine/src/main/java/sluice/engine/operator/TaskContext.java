package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import sluice.engine.expr.EvalContext;

/** What an operator needs while running one micro-batch: the batch id, evaluation context and partition tasks. */
public record TaskContext(long batchId, EvalContext eval, PartitionTasks tasks) {
    public TaskContext {
        requireNonNull(eval, "eval is null");
        requireNonNull(tasks, "tasks is null");
    }

    /** The context of a new task (Spark's) for the partition at {@code index} of the micro-batch. */
    public TaskContext forPartition(int index) {
        return new TaskContext(batchId, eval.forPartition(index), tasks);
    }
}
