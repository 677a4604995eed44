package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.InputFileBlock;

/**
 * input_file_name(), input_file_block_start() and input_file_block_length(): the file block the batch was read from
 * (see {@link Batch#inputFile()}), the same for all its rows; as in Spark, the empty string and -1 for rows read from
 * no file, or no longer tied to one after an aggregation or a join. Immutable.
 */
final class InputFileEvaluator extends Evaluator {
    /** Which part of the block the function gives. */
    enum Part { NAME, START, LENGTH }

    private final Part part;

    InputFileEvaluator(Part part, DataType type, SourceText source, Span span) {
        super(type, source, span);
        this.part = part;
    }

    /** The evaluator of one of these functions, or null for another function. */
    static Evaluator of(String function, DataType type, SourceText source, Span span) {
        Part part = switch (function) {
            case "input_file_name" -> Part.NAME;
            case "input_file_block_start" -> Part.START;
            case "input_file_block_length" -> Part.LENGTH;
            default -> null;
        };
        return part == null ? null : new InputFileEvaluator(part, type, source, span);
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        InputFileBlock block = batch.inputFile();
        Object value = switch (part) {
            case NAME -> block == null ? "" : block.path();
            case START -> block == null ? -1L : block.start();
            case LENGTH -> block == null ? -1L : block.length();
        };
        return Values.repeat(part == Part.NAME ? AtomicType.STRING : AtomicType.BIGINT, value, batch.rowCount());
    }
}
