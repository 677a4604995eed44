package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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

/** A Parquet file source without a schema shows the files' columns at once, partition columns marked. */
@ExtendWith(ApplicationExtension.class)
class FileColumnsPreviewTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) throws IOException {
        Path folder = Files.createTempDirectory("sluice-parquet-preview-");
        Path partition = Files.createDirectories(folder.resolve("year=2024"));
        Schema schema = Schema.of(Field.of("n", AtomicType.INT), Field.of("label", AtomicType.STRING));
        try (OutputStream out = Files.newOutputStream(partition.resolve("part-0.snappy.parquet"))) {
            ParquetBatchWriter.of(ParquetCodec.SNAPPY).write(Batch.ofRows(schema, List.of(Row.of(1, "a"))), out);
        }
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Parquet preview", Trigger.DEFAULT, null,
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
    void theFilesColumnsAndPartitionColumnsAreShownWithoutAButtonPress(FxRobot robot) {
        WorkbenchFixture.await("the files' columns are shown",
                () -> robot.lookup(".file-schema-field").queryAll().size() == 3);

        assertThat(robot.lookup(".file-schema-field").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("n: INT", "label: STRING", "year: INT  (partition column)");
        assertThat(workbench.document().spec().node("files").orElseThrow().option("schema")).isEmpty();
    }

    @Test
    void theButtonIsOverTheEmptySchemaFieldAndTheFilesColumnsRightUnderIt(FxRobot robot) {
        WorkbenchFixture.await("the files' columns are shown",
                () -> robot.lookup(".file-schema-field").queryAll().size() == 3);

        // Where the missing schema is marked, not at the end of a sheet that needs scrolling to find them.
        double schemaBottom = robot.lookup("#option-schema").query().localToScene(0, 0).getY()
                + robot.lookup("#option-schema").query().getBoundsInLocal().getHeight();
        double firstColumn = robot.lookup(".file-schema-field").query().localToScene(0, 0).getY();
        double button = robot.lookup("#read-file-schema").query().localToScene(0, 0).getY();
        double nextOption = robot.lookup("#option-schemaInference").query().localToScene(0, 0).getY();
        double schemaTop = robot.lookup("#option-schema").query().localToScene(0, 0).getY();
        assertThat(button).isLessThan(schemaTop);
        assertThat(firstColumn).isGreaterThan(schemaBottom).isLessThan(nextOption);
    }

    @Test
    void takingTheFilesSchemaLeavesTheFilledFieldInViewAndFocused(FxRobot robot) {
        WorkbenchFixture.await("the button is shown", () -> robot.lookup("#read-file-schema").tryQuery().isPresent());

        robot.clickOn("#read-file-schema");
        WorkbenchFixture.await("the schema is set",
                () -> workbench.document().spec().node("files").orElseThrow().option("schema").isPresent());
        WorkbenchFixture.await("the files' columns are gone",
                () -> robot.lookup(".file-schema-field").queryAll().isEmpty());
        robot.interact(() -> { });

        Node area = robot.lookup("#option-schema").query();
        Bounds sheet = robot.lookup("#properties-panel").query()
                .localToScreen(robot.lookup("#properties-panel").query().getBoundsInLocal());
        Bounds field = area.localToScreen(area.getBoundsInLocal());
        assertThat(area.isFocused()).isTrue();
        assertThat(field.getMinY()).isGreaterThanOrEqualTo(sheet.getMinY());
        assertThat(field.getMaxY()).isLessThanOrEqualTo(sheet.getMaxY());
    }
}
