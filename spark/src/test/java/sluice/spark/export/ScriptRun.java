package sluice.spark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import sluice.spark.compat.TestSpark;

/**
 * One compiled Scala export running in this JVM: its {@code main} on a thread of its own, in the suite's local Spark
 * session (the script's {@code getOrCreate()} finds it), with Scala's {@code Console.out} captured so that what its
 * console sinks print can be read. Spark's console sink prints to the stream thread's {@code Console.out}, which
 * threads inherit from the thread that starts their query: the script's thread. Mutable; used by one test thread.
 */
final class ScriptRun implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 50;

    private final URLClassLoader loader;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile Throwable failure;

    private ScriptRun(Path classes) throws IOException {
        this.loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ScriptRun.class.getClassLoader());
        this.thread = new Thread(this::runMain, "exported-script");
    }

    /** Starts {@code SluiceExport.main} from {@code classes}. */
    static ScriptRun start(Path classes) throws IOException {
        // A query that ended earlier in this session (another test's) would end the script's awaitAnyTermination.
        TestSpark.session().streams().resetTerminated();
        ScriptRun run = new ScriptRun(classes);
        run.thread.start();
        return run;
    }

    private void runMain() {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        scala.Console.withOut(out, () -> {
            try {
                Method main = Class.forName(ScalaScripts.OBJECT, true, loader).getMethod("main", String[].class);
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } catch (ReflectiveOperationException e) {
                failure = e;
            }
            return null;
        });
    }

    /** What the script's console sinks printed so far. */
    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Waits for {@code main} to return, as it does once every query of an available-now script has finished. */
    void awaitEnd() throws InterruptedException {
        thread.join(TIMEOUT.toMillis());
        assertThat(thread.isAlive()).as("the script's main returned within %s", TIMEOUT).isFalse();
        assertThat(failure).as("the script's main failed").isNull();
    }

    /**
     * For a script that runs until stopped: waits until {@code done} holds, stops the script's queries (its
     * {@code awaitAnyTermination()} then returns) and waits for {@code main} to return.
     */
    void stopWhen(BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the script produced what the test waits for within %s", TIMEOUT)
                    .isLessThan(deadline);
            thread.join(POLL_MILLIS);
            assertThat(failure).as("the script's main failed").isNull();
            assertThat(thread.isAlive()).as("the script is still running").isTrue();
        }
        SparkSession spark = TestSpark.session();
        for (StreamingQuery query : spark.streams().active()) {
            query.stop();
        }
        awaitEnd();
    }

    @Override
    public void close() throws Exception {
        for (StreamingQuery query : TestSpark.session().streams().active()) {
            query.stop();
        }
        thread.join(TIMEOUT.toMillis());
        loader.close();
    }
}
