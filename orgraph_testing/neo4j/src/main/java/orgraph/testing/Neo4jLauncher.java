package orgraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Neo4j 5.26 Community for orgraph's tests, in this JVM, in a temporary directory.
 *
 * <p>Bolt listens on a free loopback port, authentication is on, and user {@code neo4j} gets the
 * password from the environment variable {@code ORGRAPH_NEO4J_PASSWORD} (never printed). When the
 * server answers, one line goes to standard output: {@code READY bolt://127.0.0.1:PORT}. It stops on
 * SIGTERM, when its parent process dies, and, with {@code --watch-stdin}, when standard input closes;
 * each time the temporary directory is removed.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        String password = System.getenv("ORGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("set ORGRAPH_NEO4J_PASSWORD (at least 8 characters)");
            System.exit(2);
        }
        boolean watchStdin = false;
        long pageCacheMb = 64;
        for (String arg : args) {
            if (arg.equals("--watch-stdin")) {
                watchStdin = true;
            } else if (arg.startsWith("--page-cache-mb=")) {
                pageCacheMb = Long.parseLong(arg.substring("--page-cache-mb=".length()));
            } else {
                System.err.println("unknown argument: " + arg);
                System.exit(2);
            }
        }
        Path home = Files.createTempDirectory("orgraph-neo4j-");
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(home)
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                // tests try wrong passwords on purpose: no lock-out after failed attempts
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neo4j.close();
            removeTree(home);
        }, "orgraph-neo4j-stop"));
        neo4j.databaseManagementService().database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        watchParent();
        if (watchStdin) {
            watchStdin();
        }
        System.out.println("READY " + neo4j.boltURI());
        System.out.flush();
        Thread.currentThread().join();  // until a signal or a watcher ends the JVM
    }

    /** Exit (running the shutdown hook) once the process that started us is gone. */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        daemon(() -> {
            while (parent.get().isAlive()) {
                sleep(1000);
            }
            System.exit(0);
        }, "orgraph-neo4j-parent");
    }

    /** Exit once standard input reaches its end (the parent closed it, or died). */
    private static void watchStdin() {
        daemon(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // discard: only the end matters
                }
            } catch (IOException ignored) {
                // a broken pipe is an end too
            }
            System.exit(0);
        }, "orgraph-neo4j-stdin");
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is no reason to fail a stop
        }
    }
}
