package cn.parkflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where evidence documents live. Objects are written once under a generated key and never
 * overwritten; {@link #delete} exists only to undo a write whose database row did not commit.
 */
public interface DocumentStorage {

    /** Stores the file under {@code key}; fails if the key exists. */
    void put(String key, Path file, long size, String contentType) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key) throws IOException;

    void delete(String key) throws IOException;

    /**
     * A URL that serves the object for {@code ttl} (at most five minutes) without further
     * credentials, or empty when this storage serves bytes only through parkflow itself.
     */
    Optional<URI> presignedGet(String key, Duration ttl, String downloadName, String contentType, boolean inline) throws IOException;
}
