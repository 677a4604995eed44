package sluice.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sluice.engine.kafka.ClientWarmUp;
import sluice.engine.parquet.ParquetWarmUp;

/**
 * Starts the warm-ups a {@code sluice run} will want (kafka-clients', parquet-mr's) before its arguments are parsed,
 * from the text of its pipeline file, read once here for all of them. Stateless.
 */
final class WarmUps {
    private static final long LARGEST_PIPELINE_BYTES = 1 << 20;

    private WarmUps() {
    }

    /** Starts each warm-up that the text of a pipeline file among {@code arguments} asks for, at most once. */
    static void startFor(List<String> arguments) {
        boolean kafka = false;
        boolean parquet = false;
        for (String argument : arguments) {
            Optional<String> text = pipelineText(argument);
            if (text.isEmpty()) {
                continue;
            }
            if (!kafka && ClientWarmUp.wantedBy(text.get())) {
                kafka = true;
                ClientWarmUp.start();
            }
            if (!parquet && ParquetWarmUp.wantedBy(text.get())) {
                parquet = true;
                ParquetWarmUp.start();
            }
        }
    }

    /** The text of {@code argument} when it names a readable file of at most 1 MB, a pipeline file to guess from. */
    static Optional<String> pipelineText(String argument) {
        try {
            Path path = Path.of(argument);
            if (!Files.isRegularFile(path) || Files.size(path) > LARGEST_PIPELINE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(path));
        } catch (IOException | RuntimeException e) {
            // Not a readable pipeline (an option, a value, a missing file): the command reports that itself.
            return Optional.empty();
        }
    }
}
