package org.campaign.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One running local stack for all end-to-end tests of this module, started on free ports in a fresh data
 * folder under {@code target/} and stopped when the test JVM exits.
 */
public final class SharedStack {

    private static LocalStack stack;

    private SharedStack() {
    }

    public static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Path data = Path.of("target", "e2e-data").toAbsolutePath();
            deleteRecursively(data);
            stack = LocalStack.start(root, data, new LocalStack.Ports(freePort(), freePort(), freePort(),
                    freePort(), freePort(), freePort(), freePort()));
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    System.err.println("Could not stop the local stack: " + e);
                }
            }));
        }
        return stack;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
