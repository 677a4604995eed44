package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;

/** The files a source's path names, as Spark lists them: a folder, a file, or a glob. */
class FileListingTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("in/a.csv", "in/b.csv", "in/c.json", "in/_d.csv", "in/sub/e.csv", "in2/f.csv",
                "other/g.csv")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "1\n");
        }
    }

    private List<String> list(String path, String pathGlobFilter) {
        return new FileListing("in", dir.resolve(path), pathGlobFilter).list().stream()
                .map(file -> dir.relativize(Path.of(URI.create(file.path()))).toString()).sorted().toList();
    }

    @Test
    void aFolderIsListedRecursivelyWithoutHiddenFiles() {
        assertThat(list("in", null)).containsExactly("in/a.csv", "in/b.csv", "in/c.json", "in/sub/e.csv");
    }

    @Test
    void aFileIsItself() {
        assertThat(list("in/b.csv", null)).containsExactly("in/b.csv");
    }

    @Test
    void aHiddenFileNamedByThePathIsStillHidden() {
        assertThat(list("in/_d.csv", null)).isEmpty();
    }

    @Test
    void aGlobListsTheFilesItMatchesAndTheFoldersItMatchesRecursively() {
        assertThat(list("in/*.csv", null)).containsExactly("in/a.csv", "in/b.csv");
        assertThat(list("in*/*.csv", null)).containsExactly("in/a.csv", "in/b.csv", "in2/f.csv");
        assertThat(list("in/*", null)).containsExactly("in/a.csv", "in/b.csv", "in/c.json", "in/sub/e.csv");
        assertThat(list("{in2,other}", null)).containsExactly("in2/f.csv", "other/g.csv");
        assertThat(list("in/[^a].csv", null)).containsExactly("in/b.csv");
        assertThat(list("in/[!b].csv", null)).containsExactly("in/a.csv");
    }

    @Test
    void pathGlobFilterKeepsMatchingNamesUnderAGlobToo() {
        assertThat(list("in*", "[a-e].csv")).containsExactly("in/a.csv", "in/b.csv", "in/sub/e.csv");
    }

    @Test
    void aGlobThatMatchesNothingYetListsNothing() {
        FileListing listing = new FileListing("in", dir.resolve("later/*.csv"), null);

        listing.checkExists();

        assertThat(listing.list()).isEmpty();
    }

    @Test
    void aMissingPathThatIsNoGlobFails() {
        FileListing listing = new FileListing("in", dir.resolve("nowhere.csv"), null);

        assertThatThrownBy(listing::checkExists).isInstanceOfSatisfying(SluiceException.class, e ->
                assertThat(e.problem().code()).isEqualTo(ErrorCode.SOURCE_FAILED))
                .hasMessage("in: path does not exist: '" + dir.resolve("nowhere.csv") + "'");
    }

    @Test
    void aMalformedGlobIsRefused() {
        assertThatThrownBy(() -> FileListing.checkGlob("a[bc")).hasMessage("'[' in 'a[bc' is not closed");
        assertThatThrownBy(() -> FileListing.checkGlob("{a,b")).hasMessage("'{' in '{a,b' is not closed");
    }

    @Test
    void eachFileIsNamedByItsOwnUriWhateverItsName() throws IOException {
        List<String> names = List.of("plain-1.csv", "a b.csv", "caf\u00e9.csv", "p%41.csv", "k=v/x.csv", "sub/d#1.csv",
                "q?.csv", "sub/_h/x.csv", "sub/.h/y.csv");
        Path odd = dir.resolve("odd");
        for (String name : names) {
            Path file = odd.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "1\n");
        }

        List<String> listed = new FileListing("in", odd, null).list().stream().map(ListedFile::path).sorted()
                .toList();

        assertThat(listed).containsExactlyElementsOf(names.stream().filter(name -> !name.contains("/_")
                && !name.contains("/.")).map(name -> odd.resolve(name).toUri().toString()).sorted().toList());
    }

    @Test
    void aListingWithoutFiltersFilteredAfterwardsIsTheFilteredListing() {
        List<ListedFile> all = new FileListing("in", dir.resolve("in"), null).list();

        FileListing csv = new FileListing("in", dir.resolve("in"), "*.csv");
        assertThat(csv.filter(all)).containsExactlyInAnyOrderElementsOf(csv.list());
        assertThat(new FileListing("in", dir.resolve("in"), null).filter(all)).isSameAs(all);
    }

    @Test
    void aSkippedPathIsLeftOutButASeenPathNowAFolderIsListedAsSparkListsIt() throws IOException {
        Path in = dir.resolve("in");
        String seen = in.resolve("a.csv").toUri().toString();
        // "in" holds a folder, so its link count cannot vouch that a seen name is still a file: it is stated.
        Files.delete(in.resolve("b.csv"));
        Files.createDirectories(in.resolve("b.csv"));
        Files.writeString(in.resolve("b.csv/x.csv"), "1\n");
        String gone = in.resolve("b.csv").toUri().toString().replaceAll("/$", "");

        List<String> listed = new FileListing("in", in, null).list(path -> path.equals(seen) || path.equals(gone))
                .stream().map(file -> dir.relativize(Path.of(URI.create(file.path()))).toString()).sorted().toList();

        assertThat(listed).containsExactly("in/b.csv/x.csv", "in/c.json", "in/sub/e.csv");
    }

    @Test
    void aSeenFileOfAFlatFolderThatBecameAFolderIsListed() throws IOException {
        Path flat = dir.resolve("in2");
        String seen = flat.resolve("f.csv").toUri().toString();
        List<String> before = new FileListing("in2", flat, null).list(seen::equals).stream().map(ListedFile::path)
                .toList();
        Files.delete(flat.resolve("f.csv"));
        Files.createDirectories(flat.resolve("f.csv"));
        Files.writeString(flat.resolve("f.csv/x.csv"), "1\n");

        List<String> after = new FileListing("in2", flat, null).list(seen::equals).stream()
                .map(file -> dir.relativize(Path.of(URI.create(file.path()))).toString()).toList();

        assertThat(before).isEmpty();
        assertThat(after).containsExactly("in2/f.csv/x.csv");
    }

    @Test
    void aFolderWithoutFoldersIsToldWithoutListingOnlyWhereLinksCountFolders() throws IOException {
        Path flat = dir.resolve("in2");
        boolean countsLinks = List.of("ext2", "ext3", "ext4", "xfs", "tmpfs").contains(Files.getFileStore(flat).type());

        assertThat(FileListing.holdsNoFolder(flat)).isEqualTo(countsLinks);
        assertThat(FileListing.holdsNoFolder(dir.resolve("in"))).isFalse();
        assertThat(FileListing.holdsNoFolder(dir.resolve("in/a.csv"))).isFalse();
        assertThat(FileListing.holdsNoFolder(dir.resolve("nowhere"))).isFalse();
        Files.createDirectories(flat.resolve("year=2024"));
        assertThat(FileListing.holdsNoFolder(flat)).isFalse();
    }

    @Test
    void namesReadAheadListAsAListingWouldThenWithFilesGoneSinceLeftOutAndNewOnesForTheNextListing()
            throws IOException {
        Path in = dir.resolve("in");
        FileListing listing = new FileListing("in", in, null);
        String seen = in.resolve("a.csv").toUri().toString();
        FolderNames ahead = listing.readNames();
        Files.delete(in.resolve("b.csv"));
        Files.writeString(in.resolve("h.csv"), "1\n");

        List<String> withAhead = listing.list(seen::equals, ahead).stream()
                .map(file -> dir.relativize(Path.of(URI.create(file.path()))).toString()).sorted().toList();
        List<String> next = listing.list(seen::equals).stream()
                .map(file -> dir.relativize(Path.of(URI.create(file.path()))).toString()).sorted().toList();

        assertThat(ahead.uris()).contains(seen);
        assertThat(withAhead).containsExactly("in/c.json", "in/sub/e.csv");
        assertThat(next).containsExactly("in/c.json", "in/h.csv", "in/sub/e.csv");
    }

    @Test
    void namesAreNotReadAheadForAGlobAFileOrANameAListingReadsThroughADirectoryStream() throws IOException {
        Path odd = dir.resolve("odd");
        Files.createDirectories(odd);
        Files.writeString(odd.resolve("a b.csv"), "1\n");

        assertThat(new FileListing("in", dir.resolve("in/*.csv"), null).readNames()).isNull();
        assertThat(new FileListing("in", dir.resolve("in/a.csv"), null).readNames()).isNull();
        assertThat(new FileListing("odd", odd, null).readNames()).isNull();
        assertThat(new FileListing("in", dir.resolve("in"), null).readNames().names())
                .containsExactlyInAnyOrder("a.csv", "b.csv", "c.json", "_d.csv", "sub");
    }
}
