package io.nodeplane.api.support;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.r2dbc.pool.ConnectionPool;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * When a test fails because something did not answer in time, the cause is in the server's state at that
 * moment, not in the test: this adds the connection pools and what the I/O threads are doing to the failure
 * message (the one line a CI summary shows), and writes a full thread dump to
 * {@code target/failsafe-reports/timeout-<test>.txt}.
 */
public class DiagnoseTimeouts implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (!isTimeout(thrown)) {
            throw thrown;
        }
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Path dump = Path.of("target", "failsafe-reports", "timeout-" + name + ".txt");
        try {
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, Arrays.stream(threads).map(DiagnoseTimeouts::full).collect(Collectors.joining("\n")));
        } catch (IOException e) {
            thrown.addSuppressed(e);
        }
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        String summary = "requests open in the server for over 5 s: " + application.getBeansOfType(InFlightRequests.class)
                .values().stream().flatMap(r -> r.olderThan(Duration.ofSeconds(5)).stream()).toList()
                + "; " + pools(application) + "; I/O threads: "
                + Arrays.stream(threads).filter(t -> t.getThreadName().startsWith("reactor-")
                        || t.getThreadName().startsWith("nodeplane-")).map(DiagnoseTimeouts::brief)
                        .collect(Collectors.joining(", "));
        summary += "; the test client's last steps: " + ClientTrace.last(8);
        AssertionError diagnosed = new AssertionError(thrown.getMessage() + " [" + summary + "; dump: " + dump + "]", thrown);
        System.err.println("Timeout in " + name + ": " + summary);
        throw diagnosed;
    }

    private static boolean isTimeout(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || String.valueOf(t.getMessage()).contains("Timeout")
                    || String.valueOf(t.getMessage()).contains("within")) {
                return true;
            }
        }
        return false;
    }

    private static String pools(ApplicationContext context) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, HikariDataSource> jdbc : context.getBeansOfType(HikariDataSource.class).entrySet()) {
            HikariPoolMXBean pool = jdbc.getValue().getHikariPoolMXBean();
            out.append("JDBC ").append(jdbc.getKey()).append(pool == null ? " not started"
                    : " active " + pool.getActiveConnections() + " idle " + pool.getIdleConnections()
                            + " waiting " + pool.getThreadsAwaitingConnection());
        }
        for (Map.Entry<String, ConnectionPool> r2dbc : context.getBeansOfType(ConnectionPool.class).entrySet()) {
            out.append("; R2DBC ").append(r2dbc.getKey()).append(r2dbc.getValue().getMetrics()
                    .map(m -> " acquired " + m.acquiredSize() + " of " + m.getMaxAllocatedSize()
                            + " pending " + m.pendingAcquireSize()).orElse(" no metrics"));
        }
        return out.toString();
    }

    /** The thread's state and its innermost frame that is not the JDK's or Netty's selector. */
    private static String brief(ThreadInfo thread) {
        String where = Arrays.stream(thread.getStackTrace())
                .filter(f -> !f.getClassName().startsWith("sun.nio") && !f.getClassName().startsWith("java.")
                        && !f.getClassName().startsWith("jdk.") && !f.getClassName().startsWith("io.netty.channel.nio"))
                .findFirst().map(f -> f.getClassName() + "." + f.getMethodName()).orElse("-");
        return thread.getThreadName() + " " + thread.getThreadState() + " " + where;
    }

    private static String full(ThreadInfo thread) {
        StringBuilder out = new StringBuilder('"' + thread.getThreadName() + "\" " + thread.getThreadState());
        if (thread.getLockName() != null) {
            out.append(" on ").append(thread.getLockName()).append(" owned by ").append(thread.getLockOwnerName());
        }
        out.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            out.append("    at ").append(frame).append('\n');
        }
        return out.toString();
    }
}
