package sluice.spark.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system for the test session's Spark, setting permissions through Java. Without Hadoop's native
 * library, the local file system starts a {@code chmod} process for every file and folder it creates with a
 * permission (each checkpoint, state and output file): thousands of processes forked from a large JVM in a run of
 * the suite. What is written is the same.
 */
public final class JavaPermissionsFileSystem extends LocalFileSystem {
    public JavaPermissionsFileSystem() {
        super(new Raw());
    }

    private static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {
                super.setPermission(path, permission);
                return;
            }
            Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(
                    permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
                            + permission.getOtherAction().SYMBOL));
        }
    }
}
