package sluice.engine.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Makes the Admin clients of Kafka sources, taking one the command line made ahead for the same settings when there
 * is one. {@code sluice run} of a pipeline file with a Kafka source makes its Admin on the warm-up thread while the
 * arguments are parsed and the plan is made ({@link ClientWarmUp}): a fresh Admin connects to the bootstrap broker
 * and asks for the cluster's metadata at once, which then happens beside the start-up instead of after it. An
 * Admin made ahead is the one the source would make (the same settings, as {@link #settings} gives them), so results
 * and messages are unchanged; one no source took is closed after {@link #UNCLAIMED}. Thread-safe.
 */
public final class AdminClients {
    private static final System.Logger LOG = System.getLogger(AdminClients.class.getName());
    /** Far longer than any plan takes; an Admin still unclaimed then belongs to a pipeline that did not start. */
    static final Duration UNCLAIMED = Duration.ofSeconds(30);
    private static final Map<Map<String, Object>, CompletableFuture<Admin>> AHEAD = new ConcurrentHashMap<>();

    private AdminClients() {
    }

    /** An Admin for a source whose clients take {@code clientConfig} (consumer settings, which Admin filters). */
    public static Admin create(Map<String, Object> clientConfig) {
        Map<String, Object> settings = settings(clientConfig);
        CompletableFuture<Admin> ahead = AHEAD.remove(settings);
        if (ahead != null) {
            // Made, or being made, on the warm-up thread: waiting for it is shorter than making another.
            Admin admin = ahead.exceptionally(e -> null).join();
            if (admin != null) {
                return admin;
            }
        }
        return Admin.create(settings);
    }

    /**
     * The settings of an Admin among {@code clientConfig}: Admin takes no consumer settings and warns of each. Equal
     * maps for equal settings, whatever their order; never changed afterwards (they key the Admins made ahead).
     */
    public static Map<String, Object> settings(Map<String, ?> clientConfig) {
        Map<String, Object> settings = new LinkedHashMap<>(clientConfig);
        settings.keySet().retainAll(AdminClientConfig.configNames());
        return settings;
    }

    /** Makes an Admin for {@code clientConfig} for {@link #create} to take; called by the warm-up only. */
    static void makeAhead(Map<String, Object> clientConfig) {
        Map<String, Object> settings = settings(clientConfig);
        CompletableFuture<Admin> made = new CompletableFuture<>();
        if (AHEAD.putIfAbsent(settings, made) != null) {
            return;
        }
        try {
            made.complete(Admin.create(settings));
        } catch (RuntimeException e) {
            // Settings the client refuses: the source makes its own Admin and reports why.
            LOG.log(System.Logger.Level.DEBUG, "no Kafka Admin made ahead: {0}", e.toString());
            made.completeExceptionally(e);
        }
    }

    /** How many Admins made ahead wait for their source. */
    static int waiting() {
        return AHEAD.size();
    }

    /** Closes every Admin made ahead that no source took. */
    static void closeUnclaimed() {
        for (Map<String, Object> settings : AHEAD.keySet()) {
            CompletableFuture<Admin> left = AHEAD.remove(settings);
            if (left != null) {
                Admin admin = left.exceptionally(e -> null).join();
                if (admin != null) {
                    admin.close(Duration.ZERO);
                }
            }
        }
    }
}
