package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeIdsTest {
    @Test
    void usesTheTypesLastWordAndTheSmallestFreeNumber() {
        assertThat(NodeIds.fresh("transform.filter", Set.of("filter-1", "filter-3"))).isEqualTo("filter-2");
    }

    @Test
    void lowerCasesCamelCaseTypes() {
        assertThat(NodeIds.fresh("transform.withColumn", Set.of())).isEqualTo("withcolumn-1");
    }
}
