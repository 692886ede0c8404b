package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.system.ParkflowProperties;
import cn.parkflow.testsupport.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/** Checking, hashing and storing uploads, against an in-memory storage. */
class DocumentServiceTest {

    /** Storage that keeps objects in a map. */
    static class MemoryStorage implements DocumentStorage {
        final Map<String, byte[]> objects = new HashMap<>();

        @Override
        public void put(String key, Path file, long size, String contentType) throws IOException {
            if (objects.containsKey(key)) {
                throw new IOException("exists");
            }
            objects.put(key, Files.readAllBytes(file));
        }

        @Override
        public InputStream open(String key) {
            return new ByteArrayInputStream(objects.get(key));
        }

        @Override
        public boolean exists(String key) {
            return objects.containsKey(key);
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }

        @Override
        public Optional<URI> presignedGet(String key, Duration ttl, String name, String type, boolean inline) {
            return Optional.empty();
        }
    }

    final MemoryStorage storage = new MemoryStorage();

    DocumentService service(DataSize max) {
        ParkflowProperties properties = new ParkflowProperties(Path.of("target"), Duration.ofDays(7), Duration.ofDays(15), null,
                new ParkflowProperties.Due(Duration.ofDays(15), Duration.ofDays(10), Duration.ofDays(20), Duration.ofDays(20), Duration.ofDays(10), Duration.ofDays(10), Duration.ofDays(5), Duration.ofDays(180)),
                new ParkflowProperties.Demo(false),
                new ParkflowProperties.Storage(ParkflowProperties.StorageType.FILESYSTEM,
                        new ParkflowProperties.Filesystem(Path.of("target")), null, Duration.ofMinutes(5)), java.time.Period.ofYears(2), java.time.Period.ofMonths(3),
                java.net.URI.create("http://localhost:8080"), "support@parkflow.local", null);
        return new DocumentService(storage, properties, new DocumentRules(max, Map.of()));
    }

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void storesUnderAGeneratedKeyWithTheHashOfTheBytes() throws IOException {
        byte[] pdf = TestFiles.pdf("hello");
        StoredDocument stored = service(DataSize.ofMegabytes(1)).store("applications/1", "../../etc/营业执照.pdf", new ByteArrayInputStream(pdf));
        assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(pdf));
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.fileName()).isEqualTo("营业执照.pdf");
        assertThat(stored.objectKey()).matches("applications/1/[0-9a-f-]{36}\\.pdf");
        assertThat(storage.objects.get(stored.objectKey())).isEqualTo(pdf);
    }

    @Test
    void stopsReadingAsSoonAsTheLimitIsPassed() {
        CountingEndlessStream endless = new CountingEndlessStream();
        assertThatThrownBy(() -> service(DataSize.ofKilobytes(64)).store("a", "big.pdf", endless))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.TOO_LARGE));
        assertThat(endless.read).isLessThanOrEqualTo(64 * 1024 + 64 * 1024); // one buffer past the limit at most
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() throws IOException {
        byte[] pdf = TestFiles.pdf("x");
        byte[] padded = new byte[1024];
        System.arraycopy(pdf, 0, padded, 0, pdf.length);
        assertThat(service(DataSize.ofBytes(1024)).store("a", "a.pdf", new ByteArrayInputStream(padded)).size()).isEqualTo(1024);
        byte[] over = new byte[1025];
        System.arraycopy(pdf, 0, over, 0, pdf.length);
        assertThatThrownBy(() -> service(DataSize.ofBytes(1024)).store("a", "a.pdf", new ByteArrayInputStream(over)))
                .isInstanceOf(DocumentRejectedException.class);
    }

    @Test
    void refusesBytesThatAreNotAnAcceptedFormatWhateverTheName() {
        assertThatThrownBy(() -> service(DataSize.ofMegabytes(1)).store("a", "x.pdf", new ByteArrayInputStream(TestFiles.random(2048, 1))))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> service(DataSize.ofMegabytes(1)).store("a", "x.pdf", new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.EMPTY));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void removesTheObjectWhenTheTransactionRollsBack() throws IOException {
        TransactionSynchronizationManager.initSynchronization();
        StoredDocument stored = service(DataSize.ofMegabytes(1)).store("a", "a.pdf", new ByteArrayInputStream(TestFiles.pdf("a")));
        assertThat(storage.objects).containsKey(stored.objectKey());
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(storage.objects).doesNotContainKey(stored.objectKey());
    }

    @Test
    void keepsTheObjectWhenTheTransactionCommits() throws IOException {
        TransactionSynchronizationManager.initSynchronization();
        StoredDocument stored = service(DataSize.ofMegabytes(1)).store("a", "a.pdf", new ByteArrayInputStream(TestFiles.pdf("a")));
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(storage.objects).containsKey(stored.objectKey());
    }

    /** An endless PDF-looking stream that counts what was read from it. */
    static class CountingEndlessStream extends InputStream {
        long read;
        private final byte[] head = TestFiles.pdf("x");

        @Override
        public int read() {
            return read(new byte[1], 0, 1) < 0 ? -1 : 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = read + i < head.length ? head[(int) (read + i)] : (byte) 'x';
            }
            read += len;
            return len;
        }
    }
}
