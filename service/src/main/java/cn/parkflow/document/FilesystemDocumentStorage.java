package cn.parkflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/** Documents as read-only files under a root directory: the embedded default. */
class FilesystemDocumentStorage implements DocumentStorage {

    private final Path root;

    FilesystemDocumentStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("object key escapes the storage root: " + key);
        }
        return path;
    }

    @Override
    public void put(String key, Path file, long size, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            throw new IOException("object exists, documents are immutable: " + key);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        force(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        target.toFile().setReadOnly();
        force(target.getParent()); // the rename itself is durable before the upload is answered
    }

    /** fsync: a file's bytes, or a directory's entries, are on disk before the caller hears of success. */
    private static void force(Path path) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl, String downloadName, String contentType, boolean inline) {
        return Optional.empty();
    }
}
