package sluice.engine.checkpoint;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in a few words why a file operation failed ("permission denied", "No space left on device"), for one-line
 * messages: never the exception's class name, and never the path again (the message names it already). Stateless.
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            return "a file is where a folder should be";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "a folder is where a file should be";
        } else if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        } else if (e instanceof FileSystemException system && system.getReason() != null) {
            // The operating system's own words: "Read-only file system", "No space left on device", "Not a directory".
            return oneLine(system.getReason());
        }
        return e.getMessage() == null ? "input/output error" : oneLine(e.getMessage());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
