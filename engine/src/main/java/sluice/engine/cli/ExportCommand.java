package sluice.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.SluiceException;
import sluice.engine.export.ExportContext;
import sluice.engine.export.ScriptExporter;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;

/** {@code sluice export PIPELINE --to pyspark|scala [--output FILE]}: the pipeline as a Spark script. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the pipeline as a commented PySpark or Scala script for Spark.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The *.sluice.json pipeline file",
            converter = ArgumentTypes.NonEmptyPath.class)
    private Path pipeline;

    @Option(names = "--to", required = true, paramLabel = "LANGUAGE", description = "pyspark or scala")
    private String language;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = ArgumentTypes.NonEmptyPath.class,
            description = "Write the script here (default: standard output)")
    private Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ScriptLanguage> chosen = ScriptLanguage.parse(language);
        if (chosen.isEmpty()) {
            ErrorLine.print(err, "--to '%s' is not a language Sluice exports to; use pyspark or scala", language);
            return ExitCode.INVALID_PIPELINE;
        }
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        if (!loaded.problems().isEmpty()) {
            ProblemPrinter.print(err, pipeline, loaded.problems());
            return ExitCode.INVALID_PIPELINE;
        }
        ExportContext context = ExportContext.forPipelineFile(pipeline, chosen.get());
        if (output != null && output.getFileName() != null) {
            context = context.withScriptFile(output.getFileName().toString());
        }
        String script;
        try {
            script = new ScriptExporter(NodeCatalog.standard()).export(loaded.plan(), chosen.get(), context);
        } catch (SluiceException e) {
            ProblemPrinter.print(err, pipeline, List.of(e.problem()));
            return ExitCode.INVALID_PIPELINE;
        }
        if (output == null) {
            spec.commandLine().getOut().print(script);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        try {
            Files.writeString(output, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ErrorLine.print(err, "cannot write '%s': %s", output, reason(e));
            return ExitCode.STREAM_FAILED;
        }
        spec.commandLine().getOut().printf("%s: wrote %s%n", ControlCharacters.escape(pipeline.toString()),
                ControlCharacters.escape(output.toString()));
        return ExitCode.OK;
    }

    /** Why writing failed, without the path the message already names. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return e.getMessage();
    }
}
