package sluice.engine.export;

import java.util.Locale;
import java.util.Optional;

/** The languages a pipeline exports to, by their command-line names. */
public enum ScriptLanguage {
    PYSPARK("pyspark", ".py"),
    SCALA("scala", ".scala");

    private final String cliName;
    private final String extension;

    ScriptLanguage(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    /** {@code pyspark} or {@code scala}, ignoring case; empty for anything else. */
    public static Optional<ScriptLanguage> parse(String name) {
        for (ScriptLanguage language : values()) {
            if (language.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The name {@code --to} takes. */
    public String cliName() {
        return cliName;
    }

    /** The script file's extension, with its dot. */
    public String extension() {
        return extension;
    }
}
