package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.source.file.FilePartitioning.SizedFile;

class FilePartitioningTest {
    private static final Path A = Path.of("a.csv");
    private static final Path B = Path.of("b.csv");
    private static final Path C = Path.of("c.csv");

    @Test
    void defaultsAreSparks() {
        assertThat(FilePartitioning.of(2)).isEqualTo(new FilePartitioning(128L << 20, 4L << 20, 2));
    }

    @Test
    void splitsAreAsLargeAsTheMaximumUnlessTheBytesPerCoreAreFewerButNeverBelowTheOpenCost() {
        FilePartitioning partitioning = new FilePartitioning(128, 4, 2);

        assertThat(partitioning.maxSplitBytes(List.of(new SizedFile(A, 1000), new SizedFile(B, 1000)))).isEqualTo(128);
        assertThat(partitioning.maxSplitBytes(List.of(new SizedFile(A, 10), new SizedFile(B, 10)))).isEqualTo(14);
        assertThat(partitioning.maxSplitBytes(List.of(new SizedFile(A, 1), new SizedFile(B, 1)))).isEqualTo(5);
        assertThat(partitioning.maxSplitBytes(List.of(new SizedFile(A, 1)))).isEqualTo(4);
        assertThat(new FilePartitioning(128, 8, 2).maxSplitBytes(List.of(new SizedFile(A, 1)))).isEqualTo(8);
    }

    @Test
    void splitsAreSortedLargestFirstAndPackedNextFitWithTheOpenCost() {
        FilePartitioning partitioning = new FilePartitioning(10, 1, 1);

        List<List<FileSplit>> partitions = partitioning.partitions(
                List.of(new SizedFile(A, 25), new SizedFile(B, 4), new SizedFile(C, 3)), true);

        assertThat(partitions).containsExactly(
                List.of(new FileSplit(A, 0, 10, 25)),
                List.of(new FileSplit(A, 10, 10, 25)),
                List.of(new FileSplit(A, 20, 5, 25), new FileSplit(B, 0, 4, 4)),
                List.of(new FileSplit(C, 0, 3, 3)));
    }

    @Test
    void splitsOfEqualSizeKeepTheOrderOfTheFileLog() {
        FilePartitioning partitioning = new FilePartitioning(100, 0, 1);

        List<List<FileSplit>> partitions = partitioning.partitions(
                List.of(new SizedFile(C, 5), new SizedFile(A, 9), new SizedFile(B, 5)), true);

        assertThat(partitions).containsExactly(List.of(new FileSplit(A, 0, 9, 9), new FileSplit(C, 0, 5, 5),
                new FileSplit(B, 0, 5, 5)));
    }

    @Test
    void aFileThatCannotBeSplitIsOneSplitWhateverItsSize() {
        FilePartitioning partitioning = new FilePartitioning(10, 0, 1);

        List<List<FileSplit>> partitions = partitioning.partitions(List.of(new SizedFile(A, 25)), false);

        assertThat(partitions).containsExactly(List.of(FileSplit.whole(A, 25)));
    }

    @Test
    void anEmptySplittableFileHasNoSplit() {
        assertThat(new FilePartitioning(10, 0, 1).partitions(List.of(new SizedFile(A, 0)), true)).isEmpty();
    }
}
