package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import sluice.engine.kafka.KafkaTopics;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * FX thread only. A Kafka topic option (the source's {@code subscribe}, the sink's {@code topic}): a text field and a
 * Topics menu. Opening the menu asks the node's broker, off the FX thread and for at most {@link #TIMEOUT}, for its
 * topics with their partitions and end offsets; choosing one fills the option. The broker and client settings are
 * the node's {@code kafka.*} options as they are when the menu opens.
 */
final class TopicEditor implements OptionEditor {
    /** An editor waits this long for the broker, much less than a query does: someone is looking at the menu. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TextField field = new TextField();
    private final MenuButton topics = new MenuButton("Topics");
    private final HBox view;
    private final TextCommit commit;
    private final Supplier<Map<String, String>> settings;
    /** Counts the listings asked for, so that the answer to an older one never replaces a newer one's. */
    private long asked;

    /** {@code settings} gives the node's {@code kafka.*} options without the prefix, read when the menu opens. */
    TopicEditor(OptionSpec option, Consumer<OptionValue> onCommit, Supplier<Map<String, String>> settings) {
        this.settings = requireNonNull(settings, "settings is null");
        field.setId("option-" + option.name());
        field.setPromptText(OptionEditor.prompt(option));
        field.setTooltip(new Tooltip(option.description()));
        commit = new TextCommit(field, text -> onCommit.accept(text == null ? null : OptionValue.of(text)));
        topics.setId("topics-" + option.name());
        topics.setTooltip(new Tooltip("The broker's topics, with their partitions and end offsets"));
        topics.setOnShowing(e -> list());
        HBox.setHgrow(field, Priority.ALWAYS);
        view = new HBox(4, field, topics);
    }

    /** Whether {@code option} of a {@code type} node names topics this editor can list. */
    static boolean isTopicOption(String type, String option) {
        return type.equals("source.kafka") && option.equals("subscribe")
                || type.equals("sink.kafka") && option.equals("topic");
    }

    private void list() {
        Map<String, String> given = settings.get();
        long listing = ++asked;
        String bootstrap = given.getOrDefault("bootstrap.servers", "").trim();
        if (bootstrap.isEmpty()) {
            topics.getItems().setAll(note("Set kafka.bootstrap.servers to list the broker's topics"));
            return;
        }
        topics.getItems().setAll(note("Asking " + bootstrap + " for its topics…"));
        Thread worker = new Thread(() -> {
            Listing answer;
            try {
                answer = new Listing(KafkaTopics.list(given, TIMEOUT), null);
            } catch (IllegalStateException e) {
                answer = new Listing(List.of(), e.getMessage());
            }
            Listing shown = answer;
            // One hand-off per click of the menu, not per batch: the FX thread shows the answer.
            Platform.runLater(() -> {
                if (listing == asked) {
                    show(shown, bootstrap);
                }
            });
        }, "sluice-kafka-topics");
        worker.setDaemon(true);
        worker.start();
    }

    private void show(Listing listing, String bootstrap) {
        if (listing.failure() != null) {
            topics.getItems().setAll(note(listing.failure()));
        } else if (listing.topics().isEmpty()) {
            topics.getItems().setAll(note("The broker at " + bootstrap + " has no topics yet"));
        } else {
            topics.getItems().setAll(listing.topics().stream().map(this::item).toList());
        }
    }

    private MenuItem item(KafkaTopics.Topic topic) {
        MenuItem item = new MenuItem(topic.describe());
        item.setOnAction(e -> {
            field.setText(topic.name());
            commit.commitNow();
        });
        return item;
    }

    private static MenuItem note(String text) {
        MenuItem item = new MenuItem(text);
        item.setDisable(true);
        return item;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(OptionValue value) {
        commit.show(OptionEditor.text(value));
    }

    @Override
    public void focus(int element) {
        field.requestFocus();
        field.selectAll();
    }

    /** What the broker said: its topics, or the one line of why it could not be asked. */
    private record Listing(List<KafkaTopics.Topic> topics, String failure) {
    }
}
