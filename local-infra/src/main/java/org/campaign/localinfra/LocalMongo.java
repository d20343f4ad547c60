package org.campaign.localinfra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * In-process server speaking the MongoDB wire protocol, bound to 127.0.0.1.
 * Either purely in memory or backed by an H2 MVStore file that survives restarts.
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private LocalMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", port);
        this.port = server.getLocalAddress().getPort();
    }

    /** Starts a server whose data lives only in memory. Port 0 picks a free port. */
    public static LocalMongo inMemory(int port) {
        return new LocalMongo(new MemoryBackend(), port);
    }

    /** Starts a server persisting its data to the given H2 MVStore file. Port 0 picks a free port. */
    public static LocalMongo persistent(Path h2File, int port) {
        Path file = h2File.toAbsolutePath();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory for " + file, e);
        }
        return new LocalMongo(new H2Backend(file.toString()), port);
    }

    public int port() {
        return port;
    }

    /** Connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops listening and closes the backend (flushing the H2 file when persistent). */
    @Override
    public void close() {
        server.shutdown();
    }
}
