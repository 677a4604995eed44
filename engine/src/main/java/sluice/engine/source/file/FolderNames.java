package sluice.engine.source.file;

import java.nio.file.Path;

/**
 * The names in a source's folder read ahead of its listing ({@link FileListing#readNames}), each with the
 * {@code file:///…} URI the listing looks up. Immutable once made: made on one thread, listed on another.
 */
record FolderNames(Path folder, String[] names, String[] uris) {
}
