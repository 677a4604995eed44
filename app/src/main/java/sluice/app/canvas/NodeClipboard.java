package sluice.app.canvas;

import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import sluice.app.document.PipelineDocument;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

/**
 * FX thread only; mutable. Copied nodes: kept here, and put on the system clipboard as sluice/1 JSON text so they
 * paste into another window or a text editor. Pasting prefers sluice/1 JSON found on the system clipboard.
 */
final class NodeClipboard {
    private List<NodeSpec> copied = List.of();

    void copy(List<NodeSpec> nodes) {
        copied = List.copyOf(nodes);
        PipelineSpec holder = PipelineDocument.empty().withNodes(copied);
        ClipboardContent content = new ClipboardContent();
        content.putString(PipelineJson.write(holder));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The nodes to paste: sluice/1 JSON from the system clipboard when it holds some, else the last copy. */
    List<NodeSpec> contents() {
        Clipboard system = Clipboard.getSystemClipboard();
        if (system.hasString()) {
            String text = system.getString();
            if (text != null && text.contains(PipelineSpec.FORMAT)) {
                PipelineJson.Read read = PipelineJson.parse(text);
                if (read.spec() != null && !read.spec().nodes().isEmpty()) {
                    return read.spec().nodes();
                }
            }
        }
        return copied;
    }
}
