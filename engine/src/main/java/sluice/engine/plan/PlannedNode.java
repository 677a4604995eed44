package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import sluice.engine.operator.Operator;
import sluice.engine.sink.OutputMode;
import sluice.engine.sink.Sink;
import sluice.engine.source.Source;
import sluice.engine.types.Schema;

/** What a node factory makes: a source, an operator or a sink, with the schema of the rows it outputs. */
public sealed interface PlannedNode permits PlannedNode.SourceNode, PlannedNode.TransformNode, PlannedNode.SinkNode {

    /** The schema of this node's output (a sink's is its input's). */
    Schema schema();

    /** A source and the schema it produces. */
    record SourceNode(Source source) implements PlannedNode {
        public SourceNode {
            requireNonNull(source, "source is null");
        }

        @Override
        public Schema schema() {
            return source.schema();
        }
    }

    /** An operator over the node's inputs. */
    record TransformNode(Operator operator) implements PlannedNode {
        public TransformNode {
            requireNonNull(operator, "operator is null");
        }

        @Override
        public Schema schema() {
            return operator.schema();
        }
    }

    /** A sink, its output mode, and the schema of the rows it receives. */
    record SinkNode(Sink sink, OutputMode outputMode, Schema schema) implements PlannedNode {
        public SinkNode {
            requireNonNull(sink, "sink is null");
            requireNonNull(outputMode, "outputMode is null");
            requireNonNull(schema, "schema is null");
        }
    }
}
