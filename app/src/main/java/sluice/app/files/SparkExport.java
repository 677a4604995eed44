package sluice.app.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.export.ExportContext;
import sluice.engine.export.ScriptExporter;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;

/**
 * File › Export to Spark… without its dialogs: plans the pipeline as {@code sluice export} does and writes the
 * script. Planning lists folders, so it runs off the FX thread; it touches no FX state and returns what went wrong
 * as problems. Immutable; any thread.
 */
public final class SparkExport {
    private final NodeCatalog catalog;

    public SparkExport(NodeCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /**
     * Writes {@code spec} as a {@code language} script to {@code target}; relative paths resolve against
     * {@code baseDir}, {@code pipelineFile} names the pipeline in the header. Empty when it worked.
     */
    public List<Problem> write(PipelineSpec spec, Path baseDir, String pipelineFile, ScriptLanguage language,
                               Path target) {
        PipelineLoader.Loaded loaded = new PipelineLoader(catalog).plan(spec, List.of(),
                new PlanEnvironment(baseDir, ZoneId.systemDefault()));
        if (!loaded.problems().isEmpty()) {
            return loaded.problems();
        }
        ExportContext context = new ExportContext(baseDir, pipelineFile, target.getFileName().toString());
        try {
            String script = new ScriptExporter(catalog).export(loaded.plan(), language, context);
            Files.writeString(target, script, StandardCharsets.UTF_8);
            return List.of();
        } catch (SluiceException e) {
            return List.of(e.problem());
        } catch (IOException e) {
            return List.of(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE, "cannot export to '%s': %s", target,
                    e.getMessage()));
        }
    }
}
