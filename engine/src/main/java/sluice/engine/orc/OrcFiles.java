package sluice.engine.orc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The one Hadoop configuration and local file system that ORC's library reads and writes through. The raw local
 * file system, because Hadoop's default local one writes a {@code .crc} file beside each file. Made on first use,
 * then shared by every thread (both are safe to share for reading and opening files).
 */
final class OrcFiles {
    /** Apart from the file system: reading takes the configuration only, and Hadoop's file system is costly. */
    private static final class ConfHolder {
        static final Configuration CONF = new Configuration(false);
    }

    private static final class Holder {
        static final FileSystem LOCAL = local();

        private static FileSystem local() {
            RawLocalFileSystem fs = new RawLocalFileSystem();
            try {
                fs.initialize(URI.create("file:///"), ConfHolder.CONF);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fs;
        }
    }

    private OrcFiles() {
    }

    static Configuration conf() {
        return ConfHolder.CONF;
    }

    static FileSystem local() {
        return Holder.LOCAL;
    }

    /** The Hadoop path of a local file. */
    static org.apache.hadoop.fs.Path path(java.nio.file.Path file) {
        return new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri());
    }
}
