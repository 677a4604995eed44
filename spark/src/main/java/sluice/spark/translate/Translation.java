package sluice.spark.translate;

import java.util.List;
import sluice.engine.diag.Problem;

/** The Spark queries made from a pipeline, one per sink in plan order, and the nodes that could not be translated. */
public record Translation(List<SinkQuery> queries, List<Problem> problems) {
    public Translation {
        queries = List.copyOf(queries);
        problems = List.copyOf(problems);
    }

    public boolean isComplete() {
        return problems.isEmpty();
    }
}
