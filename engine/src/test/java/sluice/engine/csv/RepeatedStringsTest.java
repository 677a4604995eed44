package sluice.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedStringsTest {
    private final RepeatedStrings strings = RepeatedStrings.ofThisThread();

    @Test
    void aRepeatedTextIsTheSameString() {
        char[] line = "AAPL,MSFT,AAPL".toCharArray();

        String first = strings.of(line, 0, 4);
        String other = strings.of(line, 5, 4);
        String again = strings.of(line, 10, 4);

        assertThat(first).isEqualTo("AAPL");
        assertThat(other).isEqualTo("MSFT");
        assertThat(again).isSameAs(first);
    }

    @Test
    void textsSharingASlotStayDistinct() {
        String[] made = new String[2000];
        for (int i = 0; i < made.length; i++) {
            char[] text = ("s" + i).toCharArray();
            made[i] = strings.of(text, 0, text.length);
        }

        for (int i = 0; i < made.length; i++) {
            assertThat(made[i]).isEqualTo("s" + i);
        }
    }

    @Test
    void shortAsciiBytesAreFoundByTheirEightBytes() {
        byte[] line = "AAPL,MSFT,AAPL,AAPLX,A,12345678,12345678,\0\0\0\0\0\0\0\0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);

        String first = strings.of(line, 0, 4);
        String other = strings.of(line, 5, 4);
        String again = strings.of(line, 10, 4);
        String longer = strings.of(line, 15, 5);
        String prefix = strings.of(line, 21, 1);
        String eight = strings.of(line, 23, 8);
        String eightAgain = strings.of(line, 32, 8);
        String atTheEnd = strings.of(line, line.length - 3, 3);
        String empty = strings.of(line, 0, 0);

        assertThat(first).isEqualTo("AAPL");
        assertThat(other).isEqualTo("MSFT");
        assertThat(again).isSameAs(first);
        assertThat(longer).isEqualTo("AAPLX");
        assertThat(prefix).isEqualTo("A");
        assertThat(eight).isEqualTo("12345678");
        assertThat(eightAgain).isSameAs(eight);
        assertThat(atTheEnd).isEqualTo("\0\0\0");
        assertThat(empty).isEmpty();
        // The same texts from characters are the same strings' equals.
        assertThat(strings.of("AAPL".toCharArray(), 0, 4)).isEqualTo(first);
    }

    @Test
    void shortTextsSharingASlotStayDistinct() {
        String[] made = new String[5000];
        for (int i = 0; i < made.length; i++) {
            byte[] text = ("s" + i + "        ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            made[i] = strings.of(text, 0, ("s" + i).length());
        }

        for (int i = 0; i < made.length; i++) {
            assertThat(made[i]).isEqualTo("s" + i);
        }
    }

    @Test
    void longTextsAreNotKept() {
        char[] text = "a text longer than thirty-two characters".toCharArray();

        String first = strings.of(text, 0, text.length);
        String second = strings.of(text, 0, text.length);

        assertThat(second).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void eachThreadHasItsOwnCacheThatOutlivesAFileRead() throws InterruptedException {
        RepeatedStrings[] other = new RepeatedStrings[1];
        Thread thread = new Thread(() -> other[0] = RepeatedStrings.ofThisThread());
        thread.start();
        thread.join();

        assertThat(RepeatedStrings.ofThisThread()).isSameAs(strings);
        assertThat(other[0]).isNotNull().isNotSameAs(strings);
    }
}
