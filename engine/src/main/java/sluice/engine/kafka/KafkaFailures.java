package sluice.engine.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.task.TaskInterruption;

/**
 * Turns what kafka-clients throws (after the retries it makes itself) into one line for the user: which broker, what
 * went wrong, what to check. Stateless; used by the Kafka source, the Kafka sink and the topic listing.
 */
public final class KafkaFailures {
    private KafkaFailures() {
    }

    /** The failure of talking to {@code bootstrap} while doing {@code doing} ("reading topic 'a'"), as a Problem. */
    public static SluiceException of(ErrorCode code, String nodeId, String bootstrap, String doing, Throwable failure,
                                     Duration waited) {
        return Problem.of(code, Position.node(nodeId), "%s", describe(bootstrap, doing, failure, waited))
                .toException();
    }

    /** One line: {@code cannot reach the Kafka broker at 127.0.0.1:9092 within 60 s while ...; is it running?}. */
    public static String describe(String bootstrap, String doing, Throwable failure, Duration waited) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException && String.valueOf(cause.getMessage()).contains("not present in "
                + "metadata")) {
            return String.format(Locale.ROOT, "the Kafka broker at %s did not know the topic within %s while %s; "
                    + "create the topic, or check that the broker is running", bootstrap, seconds(waited), doing);
        } else if (cause instanceof TimeoutException) {
            return String.format(Locale.ROOT, "no answer from the Kafka broker at %s within %s while %s; is it "
                    + "running and reachable?", bootstrap, seconds(waited), doing);
        } else if (cause instanceof TopicAuthorizationException topics) {
            return String.format(Locale.ROOT, "the Kafka broker at %s refused access to %s while %s; check the "
                    + "client's credentials and the topic's ACLs", bootstrap, topicsOf(topics), doing);
        } else if (cause instanceof GroupAuthorizationException group) {
            return String.format(Locale.ROOT, "the Kafka broker at %s refused the consumer group '%s' while %s; set "
                    + "'kafka.group.id' or 'groupIdPrefix' to a group you may use", bootstrap, group.groupId(), doing);
        } else if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
            return String.format(Locale.ROOT, "the Kafka broker at %s refused the client while %s: %s", bootstrap,
                    doing, text(cause));
        } else if (cause instanceof UnknownTopicOrPartitionException) {
            return String.format(Locale.ROOT, "the Kafka broker at %s has no such topic or partition while %s",
                    bootstrap, doing);
        }
        return String.format(Locale.ROOT, "Kafka at %s failed while %s: %s", bootstrap, doing, text(cause));
    }

    /**
     * kafka-clients was interrupted in a blocking call because the query is stopping (Spark's stop interrupts the
     * batch too): the batch is abandoned and runs again on the next start, so this is no failure of the node.
     */
    public static TaskInterruption stopping(InterruptException interrupted) {
        return TaskInterruption.of(interrupted.getCause() instanceof InterruptedException cause ? cause
                : new InterruptedException(interrupted.getMessage()));
    }

    /**
     * A client that cannot even be made: its settings (the node's {@code kafka.*} options) are refused by
     * kafka-clients, such as a timeout shorter than another it must exceed.
     */
    public static SluiceException badSettings(String nodeId, org.apache.kafka.common.KafkaException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof org.apache.kafka.common.config.ConfigException)) {
            cause = cause.getCause();
        }
        return Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.node(nodeId), "the Kafka client refuses the node's "
                + "kafka.* options: %s", text(cause)).toException();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException
                || cause instanceof org.apache.kafka.common.KafkaException && !(cause instanceof
                org.apache.kafka.common.errors.ApiException) && cause.getCause() != null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String topicsOf(TopicAuthorizationException e) {
        return e.unauthorizedTopics().isEmpty() ? "the topic"
                : "topic " + String.join(", ", e.unauthorizedTopics().stream().sorted().map(t -> "'" + t + "'")
                .toList());
    }

    private static String text(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String seconds(Duration waited) {
        long ms = waited.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
