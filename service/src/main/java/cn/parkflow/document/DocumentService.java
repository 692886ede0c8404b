package cn.parkflow.document;

import cn.parkflow.document.DocumentRejectedException.Reason;
import cn.parkflow.system.ParkflowProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks, hashes and stores uploaded documents. An upload is spooled to a temporary file while its
 * size is counted against {@code parkflow.documents.max-size} and its SHA-256 computed; only bytes
 * that are PDF, OFD, JPEG or PNG reach storage, under a key parkflow generates. When the caller's
 * transaction rolls back, the stored object is removed again, so no object outlives its row.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentStorage storage;
    private final ParkflowProperties properties;
    private final DocumentRules documentRules;

    DocumentService(DocumentStorage storage, ParkflowProperties properties, DocumentRules documentRules) {
        this.storage = storage;
        this.properties = properties;
        this.documentRules = documentRules;
    }

    public long maxSize() {
        return documentRules.maxSize().toBytes();
    }

    /** Stores {@code content} under a generated key below {@code keyPrefix}. */
    public StoredDocument store(String keyPrefix, String originalName, InputStream content) throws IOException {
        Path spool = Files.createTempFile("parkflow-upload-", ".bin");
        try {
            long limit = maxSize();
            MessageDigest sha256 = sha256();
            long size = 0;
            try (InputStream in = content; OutputStream out = Files.newOutputStream(spool)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > limit) {
                        throw new DocumentRejectedException(Reason.TOO_LARGE,
                                "文件超过大小上限 " + documentRules.maxSize().toMegabytes() + " MB");
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new DocumentRejectedException(Reason.EMPTY, "文件为空");
            }
            String contentType = ContentSniffer.detect(spool).orElseThrow(() -> new DocumentRejectedException(
                    Reason.UNSUPPORTED_TYPE, "只接受 PDF、OFD、JPEG 或 PNG 文件（按文件内容判断，而非文件名）"));
            String key = keyPrefix + "/" + UUID.randomUUID() + ContentSniffer.extension(contentType);
            storage.put(key, spool, size, contentType);
            removeOnRollback(key);
            return new StoredDocument(key, FileNames.sanitise(originalName), contentType, size,
                    HexFormat.of().formatHex(sha256.digest()));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void removeOnRollback(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                        log.info("Removed object {} after its transaction rolled back", key);
                    } catch (IOException e) {
                        log.error("Could not remove object {} after rollback; it is orphaned", key, e);
                    }
                }
            }
        });
    }

    public boolean exists(String objectKey) throws IOException {
        return storage.exists(objectKey);
    }

    public InputStream open(String objectKey) {
        try {
            return storage.open(objectKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short-lived URL for the object, or empty when parkflow must stream the bytes itself. */
    public Optional<URI> presignedGet(String objectKey, String fileName, String contentType, boolean inline) {
        try {
            return storage.presignedGet(objectKey, properties.storage().presignTtl(), fileName, contentType, inline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
