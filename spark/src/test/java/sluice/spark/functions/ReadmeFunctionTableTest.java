package sluice.spark.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sluice.engine.expr.functions.FunctionGroup;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.engine.expr.functions.MissingFunction;
import sluice.engine.expr.functions.SqlFunction;
import sluice.spark.functions.SparkFunctions.SparkFunction;

/**
 * The README's function table is generated from Spark's registry and Sluice's, and Sluice's registry agrees with
 * Spark's: every name it has is Spark's, in Spark's group, and every scalar function it lacks has a reason.
 */
class ReadmeFunctionTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- functions:begin -->\n";
    private static final String END = "<!-- functions:end -->";
    private static final FunctionRegistry SLUICE = FunctionRegistry.standard();

    @Test
    void readmeFunctionTableMatchesBothRegistries() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme).contains(BEGIN, END);
        int begin = readme.indexOf(BEGIN) + BEGIN.length();
        int end = readme.indexOf(END);
        String generated = FunctionTable.markdown(SparkFunctions.scalar(), SLUICE);

        if (Boolean.getBoolean("sluice.golden.update")) {
            Files.writeString(README, readme.substring(0, begin) + generated + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }

        assertThat(readme.substring(begin, end))
                .as("README function table; regenerate with -Dsluice.golden.update=true").isEqualTo(generated);
    }

    @Test
    void everySluiceFunctionIsASparkFunctionOfTheSameGroup() {
        Map<String, FunctionGroup> spark = new TreeMap<>();
        SparkFunctions.all().forEach(f -> spark.put(f.name(), f.group()));
        Map<String, String> wrong = new TreeMap<>();
        for (SqlFunction function : SLUICE.functions()) {
            for (String name : function.names()) {
                if (spark.get(name) != function.group()) {
                    wrong.put(name, function.group().sparkName() + " in Sluice, " + spark.get(name) + " in Spark");
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void theMissingFunctionsAreExactlySparksScalarFunctionsSluiceLacks() {
        Map<String, String> lacking = new TreeMap<>();
        for (SparkFunction function : SparkFunctions.scalar()) {
            if (SLUICE.find(function.name()).isEmpty()) {
                lacking.put(function.name(), function.group().sparkName());
            }
        }
        Map<String, String> listed = new TreeMap<>();
        for (MissingFunction missing : SLUICE.missing()) {
            listed.put(missing.name(), missing.group().sparkName());
        }

        assertThat(listed).as("Sluice's MissingFunctions").isEqualTo(lacking);
    }

    @Test
    void noFunctionIsListedTwiceAmongTheMissing() {
        List<String> names = SLUICE.missing().stream().map(MissingFunction::name).toList();

        assertThat(names).doesNotHaveDuplicates();
        assertThat(names.stream().collect(Collectors.toSet())).hasSize(names.size());
    }
}
