package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.engine.parquet.ParquetBatchWriter;
import sluice.engine.parquet.ParquetCodec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** A Parquet file source without a schema gets the files' schema from one button, as one undoable edit. */
@ExtendWith(ApplicationExtension.class)
class FileSchemaButtonTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) throws IOException {
        Path folder = Files.createTempDirectory("sluice-parquet-schema-");
        Schema schema = Schema.of(Field.of("n", AtomicType.INT), Field.of("label", AtomicType.STRING));
        try (OutputStream out = Files.newOutputStream(folder.resolve("part-0.snappy.parquet"))) {
            ParquetBatchWriter.of(ParquetCodec.SNAPPY).write(Batch.ofRows(schema, List.of(Row.of(1, "a"))), out);
        }
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Parquet schema", Trigger.DEFAULT, null,
                List.of(TestPipelines.node("files", "source.file", List.of(), Map.of("path",
                                OptionValue.of(folder.toString()), "format", OptionValue.of("parquet"))),
                        TestPipelines.node("out", "sink.noop", List.of("files"), Map.of()))), null);
        workbench.selection().selectOnly("files");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theButtonSetsTheSchemaReadFromTheFiles(FxRobot robot) {
        WorkbenchFixture.await("the button is shown", () -> robot.lookup("#read-file-schema").tryQuery().isPresent());

        // The schema section sits below the file source's many options, scrolled out of view: fired, not clicked.
        robot.interact(() -> robot.lookup("#read-file-schema").queryAs(Button.class).fire());

        WorkbenchFixture.await("the schema is set", () -> workbench.document().spec().node("files").orElseThrow()
                .option("schema").isPresent());
        assertThat(OptionEditor.text(workbench.document().spec().node("files").orElseThrow().option("schema")
                .orElseThrow())).isEqualTo("n INT, label STRING");
        WorkbenchFixture.await("the schema is listed", () -> robot.lookup(".schema-field").queryAll().size() == 2);
        assertThat(robot.lookup(".schema-field").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("n: INT", "label: STRING");
    }
}
