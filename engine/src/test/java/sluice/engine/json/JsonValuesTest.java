package sluice.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void parsesObjectsInDocumentOrderWithPlainValues() throws Exception {
        Object value = JsonValues.parse("{\"b\": [1, 2.5, \"x\", true, null], \"a\": {\"n\": 12345678901234}}");

        Map<String, Object> object = JsonValues.object(value);
        assertThat(object.keySet()).containsExactly("b", "a");
        assertThat(object.get("b")).isEqualTo(java.util.Arrays.asList(1L, 2.5, "x", true, null));
        assertThat(JsonValues.number(JsonValues.object(object.get("a")), "n", 0)).isEqualTo(12345678901234L);
    }

    @Test
    void syntaxErrorsCarryTheirLineAndColumn() {
        assertThatThrownBy(() -> JsonValues.parse("{\n  \"a\": }"))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> {
                    assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(2);
                    assertThat(((JsonProcessingException) e).getLocation().getColumnNr()).isEqualTo(8);
                });
    }

    @Test
    void trailingContentIsAnError() {
        assertThatThrownBy(() -> JsonValues.parse("{} {}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void writesCompactlyOrPrettyAndEmbedsRawJson() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("offset", new JsonValues.RawJson("{\"logOffset\":3}"));
        object.put("list", List.of("a", 1L));
        object.put("none", null);

        assertThat(JsonValues.write(object, false))
                .isEqualTo("{\"offset\":{\"logOffset\":3},\"list\":[\"a\",1],\"none\":null}");
        assertThat(JsonValues.write(Map.of("a", 1L), true)).isEqualTo("{\n  \"a\" : 1\n}");
    }
}
