package sluice.engine.checkpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Local files as Spark's logs name them: Hadoop's {@code Path.toUri} form, {@code file:/abs/path} (not Java's
 * {@code file:///abs/path}). Spark compares logged files with listed ones by this text, so a file source log written
 * in the other form would make Spark read every logged file again. Stateless.
 */
public final class HadoopPath {
    private HadoopPath() {
    }

    public static String uriOf(Path file) {
        try {
            return new URI("file", null, file.toAbsolutePath().toString(), null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file path: " + file, e);
        }
    }

    /** The same file in Hadoop's form, whichever form {@code uri} has ({@code file:/…} or {@code file:///…}). */
    public static String normalized(String uri) {
        return uriOf(Path.of(URI.create(uri)));
    }
}
