package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineBlocksTest {
    /** Line ends of every kind, empty lines, a CR LF and multi-byte characters wherever a split may cut. */
    private static final String TEXT = "ab\r\n\ncd\r\rÄé€\n𝄞x\r\n\r\nlast line";

    @TempDir
    Path folder;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** The lines of every split of {@code file}, split after split, each with its line number in the file. */
    private static List<String> readInSplits(Path file, long splitBytes, int blockBytes) throws IOException {
        long length = Files.size(file);
        List<String> lines = new ArrayList<>();
        for (long start = 0; start < length; start += splitBytes) {
            FileSplit split = new FileSplit(file, start, Math.min(splitBytes, length - start), length);
            try (LineBlocks blocks = LineBlocks.open(split, blockBytes)) {
                while (blocks.next()) {
                    long line = 0;
                    for (int from = 0; from < blocks.length(); ) {
                        int end = LineBlocks.lineEnd(blocks.bytes(), from, blocks.length());
                        line++;
                        lines.add(blocks.fileLine(line) + ":"
                                + new String(blocks.bytes(), from, end - from, StandardCharsets.UTF_8));
                        from = LineBlocks.nextLineStart(blocks.bytes(), end, blocks.length());
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> numbered(String... lines) {
        List<String> numberedLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            numberedLines.add((i + 1) + ":" + lines[i]);
        }
        return numberedLines;
    }

    @Test
    void everySplitSizeReadsEachLineOnceWithItsLineNumber() throws IOException {
        Path file = write("a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        List<String> expected = numbered("ab", "", "cd", "", "Äé€", "𝄞x", "", "last line");

        for (long splitBytes = 1; splitBytes <= Files.size(file); splitBytes++) {
            for (int blockBytes : new int[] {2, 3, 7, 64}) {
                assertThat(readInSplits(file, splitBytes, blockBytes))
                        .as("splits of %d bytes, blocks of %d", splitBytes, blockBytes).isEqualTo(expected);
            }
        }
    }

    @Test
    void aSplitStartingInTheMiddleOfCarriageReturnLineFeedSkipsOnlyTheRestOfThatLineEnd() throws IOException {
        Path file = write("a.txt", "a\r\nb\r\nc".getBytes(StandardCharsets.UTF_8));

        // The second split starts at the \n of the first \r\n: its first line is "b".
        assertThat(readInSplits(file, 2, 64)).containsExactly("1:a", "2:b", "3:c");
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheFileIsSkipped() throws IOException {
        byte[] text = "x\ny".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Path file = write("bom.txt", bytes);

        assertThat(readInSplits(file, 2, 64)).containsExactly("1:x", "2:y");
        assertThat(readInSplits(file, 100, 64)).containsExactly("1:x", "2:y");
    }

    @Test
    void aLineLongerThanABlockComesWhole() throws IOException {
        char[] longLine = new char[10_000];
        Arrays.fill(longLine, 'x');
        Path file = write("long.txt", ("a\n" + new String(longLine) + "\nb").getBytes(StandardCharsets.UTF_8));

        assertThat(readInSplits(file, 1_000, 16)).containsExactly("1:a", "2:" + new String(longLine), "3:b");
    }

    @Test
    void aSplitInsideOneLongLineHasNoLines() throws IOException {
        Path file = write("a.txt", "0123456789\nb".getBytes(StandardCharsets.UTF_8));
        FileSplit middle = new FileSplit(file, 3, 4, Files.size(file));

        try (LineBlocks blocks = LineBlocks.open(middle, 64)) {
            assertThat(blocks.next()).isFalse();
        }
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        Path file = write("empty.txt", new byte[0]);

        try (LineBlocks blocks = LineBlocks.open(FileSplit.whole(file, 0))) {
            assertThat(blocks.next()).isFalse();
        }
    }
}
