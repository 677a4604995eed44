package sluice.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewTransformTest {
    @Test
    void zoomKeepsThePointUnderTheCursorInPlace() {
        ViewTransform before = new ViewTransform(1, 20, 10);
        double pipelineX = before.toPipelineX(300);
        double pipelineY = before.toPipelineY(200);

        ViewTransform after = before.zoomedAround(1.5, 300, 200);

        assertThat(after.scale()).isEqualTo(1.5);
        assertThat(after.toCanvasX(pipelineX)).isCloseTo(300, within(1e-9));
        assertThat(after.toCanvasY(pipelineY)).isCloseTo(200, within(1e-9));
    }

    @Test
    void zoomStopsAtTheLimits() {
        assertThat(ViewTransform.IDENTITY.zoomedAround(100, 0, 0).scale()).isEqualTo(ViewTransform.MAX_SCALE);
        assertThat(ViewTransform.IDENTITY.zoomedAround(0.001, 0, 0).scale()).isEqualTo(ViewTransform.MIN_SCALE);
    }

    @Test
    void fittingShowsTheWholeRectangleCentred() {
        ViewTransform fit = ViewTransform.fitting(0, 0, 2000, 1000, 1000, 600, 20);

        assertThat(fit.scale()).isCloseTo(0.48, within(1e-9));
        assertThat(fit.toCanvasX(0) + fit.toCanvasX(2000)).isCloseTo(1000, within(1e-9));
        assertThat(fit.toCanvasY(0) + fit.toCanvasY(1000)).isCloseTo(600, within(1e-9));
    }

    @Test
    void fittingNeverMagnifiesPastFullSize() {
        assertThat(ViewTransform.fitting(0, 0, 100, 50, 1000, 600, 20).scale()).isEqualTo(1.0);
    }
}
