package sluice.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class CsvTextTest {
    private static final Schema SCHEMA = Schema.of(Field.of("name", AtomicType.STRING),
            Field.of("day", AtomicType.DATE), Field.of("close", AtomicType.DOUBLE));

    @Test
    void writesHeaderThenRowsInSparkText() {
        String csv = CsvText.of(SCHEMA, List.of(Row.of("AAPL", LocalDate.of(2015, 1, 2), 112.36)), ZoneOffset.UTC);

        assertThat(csv).isEqualTo("name,day,close\nAAPL,2015-01-02,112.36\n");
    }

    @Test
    void quotesCommasQuotesLineBreaksAndEdgeSpaces() {
        String csv = CsvText.of(SCHEMA, List.of(Row.of("a,b", null, 1.0), Row.of("say \"hi\"", null, null),
                Row.of("two\nlines", null, null), Row.of(" padded", null, null)), ZoneOffset.UTC);

        assertThat(csv).isEqualTo("name,day,close\n\"a,b\",,1.0\n\"say \"\"hi\"\"\",,\n\"two\nlines\",,\n"
                + "\" padded\",,\n");
    }

    @Test
    void nullIsAnEmptyField() {
        String csv = CsvText.of(SCHEMA, List.of(Row.of(null, null, null)), ZoneOffset.UTC);

        assertThat(csv).isEqualTo("name,day,close\n,,\n");
    }
}
