package sluice.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;

/** {@code sluice validate PIPELINE}: checks a pipeline file and prints every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a pipeline file and prints every problem, one per line.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The *.sluice.json pipeline file",
            converter = ArgumentTypes.NonEmptyPath.class)
    private Path pipeline;

    @Override
    public Integer call() {
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        if (!loaded.problems().isEmpty()) {
            ProblemPrinter.print(spec.commandLine().getErr(), pipeline, loaded.problems());
            return ExitCode.INVALID_PIPELINE;
        }
        spec.commandLine().getOut().printf("%s: valid (%d nodes)%n", ControlCharacters.escape(pipeline.toString()),
                loaded.spec().nodes().size());
        return ExitCode.OK;
    }
}
