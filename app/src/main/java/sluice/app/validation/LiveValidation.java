package sluice.app.validation;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.plan.QueryPlan;
import sluice.engine.types.Schema;

/**
 * Plans every new spec off the FX thread (planning lists folders and may infer schemas) and publishes problems,
 * schemas and the plan on the FX thread, dropping results for specs that are no longer current. The observable
 * results are FX-thread only.
 */
public final class LiveValidation implements AutoCloseable {
    private final PipelineLoader loader;
    private final Supplier<Path> baseDir;
    private final ExecutorService planner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-validation");
        thread.setDaemon(true);
        return thread;
    });
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableMap<String, Schema> schemas = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<QueryPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<PipelineSpec> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private PipelineSpec latest;
    private List<Problem> loadProblems = List.of();

    /** {@code baseDir} gives the folder relative paths resolve against (the document's folder). */
    public LiveValidation(NodeCatalog catalog, Supplier<Path> baseDir) {
        this.loader = new PipelineLoader(requireNonNull(catalog, "catalog is null"));
        this.baseDir = requireNonNull(baseDir, "baseDir is null");
    }

    /** Problems found while reading the file, shown until the next file is loaded. */
    public void setLoadProblems(List<Problem> fileProblems) {
        loadProblems = List.copyOf(fileProblems);
    }

    /** Checks {@code spec} in the background; the results replace the current ones when it is still the latest. */
    public void check(PipelineSpec spec) {
        latest = spec;
        Path folder = baseDir.get();
        List<Problem> fromFile = loadProblems;
        planner.execute(() -> {
            PipelineLoader.Loaded loaded;
            try {
                loaded = loader.plan(spec, fromFile, new PlanEnvironment(folder, ZoneId.systemDefault()));
            } catch (RuntimeException e) {
                System.getLogger(LiveValidation.class.getName()).log(System.Logger.Level.ERROR,
                        "planning failed", e);
                return;
            }
            PipelineLoader.Loaded result = loaded;
            Platform.runLater(() -> publish(spec, result));
        });
    }

    /**
     * Reads the schema of a {@code source.file} node's files in the background, as Spark's schema inference reads it
     * (the first file's footer for Parquet, with {@code mergeSchema} every file's), and hands it to {@code onRead} on
     * the FX thread; empty when the files give none (no files yet, or the node's other options have problems).
     */
    public void readFileSchema(PipelineSpec spec, String nodeId, java.util.function.Consumer<Optional<Schema>> onRead) {
        Path folder = baseDir.get();
        planner.execute(() -> {
            List<NodeSpec> nodes = new ArrayList<>();
            for (NodeSpec node : spec.nodes()) {
                nodes.add(node.id().equals(nodeId) ? node.withOption("schema", null)
                        .withOption("schemaInference", OptionValue.of("true")) : node);
            }
            Optional<Schema> schema;
            try {
                schema = Optional.ofNullable(loader.plan(spec.withNodes(nodes), List.of(),
                        new PlanEnvironment(folder, ZoneId.systemDefault())).schemas().get(nodeId));
            } catch (RuntimeException e) {
                schema = Optional.empty();
            }
            Optional<Schema> read = schema;
            Platform.runLater(() -> onRead.accept(read));
        });
    }

    /** The schema of a file source's files, and which of its columns come from {@code key=value} folders. */
    public record FileColumns(Schema schema, List<String> partitionColumns) {
        public FileColumns {
            requireNonNull(schema, "schema is null");
            partitionColumns = List.copyOf(partitionColumns);
        }
    }

    /**
     * Reads the schema of file source {@code nodeId}'s files on the planning thread, as {@link #readFileSchema}, and
     * again without partition folders ({@code recursiveFileLookup}) to tell its partition columns apart; hands the
     * result, empty when the files give none, to {@code onRead} on the FX thread.
     */
    public void readFileColumns(PipelineSpec spec, String nodeId, java.util.function.Consumer<Optional<FileColumns>>
            onRead) {
        Path folder = baseDir.get();
        planner.execute(() -> {
            Optional<Schema> schema = inferred(spec, nodeId, folder, false);
            Optional<Schema> files = schema.isPresent() ? inferred(spec, nodeId, folder, true) : Optional.empty();
            Optional<FileColumns> read = schema.map(all -> new FileColumns(all, all.names().stream()
                    .filter(name -> files.map(f -> f.indexOf(name) < 0).orElse(false)).toList()));
            Platform.runLater(() -> onRead.accept(read));
        });
    }

    private Optional<Schema> inferred(PipelineSpec spec, String nodeId, Path folder, boolean withoutPartitions) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            NodeSpec changed = node;
            if (node.id().equals(nodeId)) {
                changed = node.withOption("schema", null).withOption("schemaInference", OptionValue.of("true"));
                if (withoutPartitions) {
                    changed = changed.withOption("recursiveFileLookup", OptionValue.of("true"));
                }
            }
            nodes.add(changed);
        }
        try {
            return Optional.ofNullable(loader.plan(spec.withNodes(nodes), List.of(),
                    new PlanEnvironment(folder, ZoneId.systemDefault())).schemas().get(nodeId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void publish(PipelineSpec spec, PipelineLoader.Loaded result) {
        if (spec != latest) {
            return;
        }
        problems.setAll(result.problems());
        Map<String, Schema> resolved = result.schemas();
        schemas.keySet().retainAll(resolved.keySet());
        schemas.putAll(resolved);
        plan.set(result.plan());
        checked.set(spec);
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ObservableMap<String, Schema> schemas() {
        return schemas;
    }

    /** The plan of the latest checked spec, or null while it has problems. */
    public ReadOnlyObjectProperty<QueryPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The spec the current results belong to. */
    public ReadOnlyObjectProperty<PipelineSpec> checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    @Override
    public void close() {
        planner.shutdownNow();
    }
}
