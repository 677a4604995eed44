package sluice.engine.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where an export comes from and goes: the folder relative paths resolve against (the pipeline file's, as the
 * engine resolves them), the pipeline file's name and the script's name, both for the header only.
 */
public record ExportContext(Path baseDir, String pipelineFile, String scriptFile) {
    private static final String PIPELINE_SUFFIX = ".sluice.json";

    public ExportContext {
        requireNonNull(baseDir, "baseDir is null");
        requireNonNull(pipelineFile, "pipelineFile is null");
        requireNonNull(scriptFile, "scriptFile is null");
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    /** For {@code pipeline}, with the script named after it ({@code stocks.sluice.json} → {@code stocks.py}). */
    public static ExportContext forPipelineFile(Path pipeline, ScriptLanguage language) {
        Path absolute = pipeline.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        return new ExportContext(absolute.getParent(), name, scriptName(name, language));
    }

    /** The script's file name for a pipeline file name. */
    public static String scriptName(String pipelineFile, ScriptLanguage language) {
        String base = pipelineFile.endsWith(PIPELINE_SUFFIX)
                ? pipelineFile.substring(0, pipelineFile.length() - PIPELINE_SUFFIX.length())
                : pipelineFile.replaceFirst("\\.json$", "");
        return (base.isEmpty() ? "pipeline" : base) + language.extension();
    }

    public ExportContext withScriptFile(String name) {
        return new ExportContext(baseDir, pipelineFile, name);
    }
}
