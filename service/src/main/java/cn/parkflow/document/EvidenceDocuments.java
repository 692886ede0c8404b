package cn.parkflow.document;

import cn.parkflow.system.ApiException;
import cn.parkflow.system.StorageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence documents of every capability that takes uploads, in one table: each is checked, hashed
 * and stored by {@link DocumentService}, recorded against its subject, confirmed present before a
 * submission and read back against its SHA-256 before anything is decided on it. The caller decides who
 * may upload to or read a subject; this service keeps the documents.
 */
@Service
public class EvidenceDocuments {

    private final EvidenceRepository rows;
    private final DocumentService storage;
    private final Clock clock;

    /** How long a submission waits for the store to say whether a document is there. */
    private static final java.time.Duration STORE_ANSWER = java.time.Duration.ofSeconds(10);

    /** The presence checks of submissions, run side by side (bounded: the store's connection pool is too). */
    private final ExecutorService checks = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "document-check");
        thread.setDaemon(true);
        return thread;
    });

    EvidenceDocuments(EvidenceRepository rows, DocumentService storage, Clock clock) {
        this.rows = rows;
        this.storage = storage;
        this.clock = clock;
    }

    /** Checks, stores and records an upload; the object is removed again if the caller's transaction does not commit. */
    @Transactional
    public Evidence add(DocumentSubject subject, long subjectId, DocumentType type, String fileName, InputStream content,
            String uploadedBy) throws IOException {
        StoredDocument stored = storage.store(subject.folder(subjectId), fileName, content);
        return rows.save(new EvidenceRow(null, subject, subjectId, type, stored.fileName(), stored.size(), stored.sha256(),
                stored.contentType(), stored.objectKey(), uploadedBy, clock.instant())).evidence();
    }

    /** The subject's documents in the order they came. */
    @Transactional(readOnly = true)
    public List<Evidence> list(DocumentSubject subject, long subjectId) {
        return rows(subject, subjectId).stream().map(EvidenceRow::evidence).toList();
    }

    /** The document types the subject has at least one document of. */
    @Transactional(readOnly = true)
    public Set<DocumentType> typesPresent(DocumentSubject subject, long subjectId) {
        return rows(subject, subjectId).stream().map(EvidenceRow::type).collect(Collectors.toSet());
    }

    /** One of the subject's documents, with what is needed to serve it; 404 when the subject has no such document. */
    @Transactional(readOnly = true)
    public DocumentResponses.Access access(DocumentSubject subject, long subjectId, long documentId) {
        EvidenceRow doc = rows.findByIdAndSubjectKindAndSubjectId(documentId, subject, subjectId)
                .orElseThrow(() -> ApiException.notFound("文件"));
        return new DocumentResponses.Access(doc.objectKey(), doc.fileName(), doc.contentType(), doc.size());
    }

    /**
     * Confirms that the object store still holds every document of the subject: 422 naming the first
     * document whose object is gone (the operator uploads it again), 503 when the store cannot answer.
     */
    @Transactional(readOnly = true)
    public void confirmStored(DocumentSubject subject, long subjectId) {
        List<EvidenceRow> docs = rows(subject, subjectId);
        // one round trip per document, all at once: eleven in sequence were most of a submission's time
        List<Future<Boolean>> answers = docs.stream().map(doc -> checks.submit(() -> storage.exists(doc.objectKey()))).toList();
        try {
            for (int i = 0; i < docs.size(); i++) {
                boolean stored;
                try {
                    stored = answers.get(i).get(STORE_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw new StorageUnavailableException("无法确认已上传材料", e.getCause());
                } catch (TimeoutException e) {
                    throw new StorageUnavailableException("无法确认已上传材料", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageUnavailableException("无法确认已上传材料", e);
                }
                if (!stored) {
                    EvidenceRow doc = docs.get(i);
                    throw ApiException.unprocessable("材料文件缺失，请重新上传：" + doc.type().label() + "（" + doc.fileName() + "）");
                }
            }
        } finally {
            answers.forEach(answer -> answer.cancel(true));
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }

    /**
     * Reads every document of the subject back and compares its SHA-256 with the one recorded at upload:
     * nothing is decided on evidence that changed or vanished. A store failure throws
     * {@link StorageUnavailableException}, so the engine retries and raises an incident.
     */
    @Transactional(readOnly = true)
    public void verify(DocumentSubject subject, long subjectId) {
        for (EvidenceRow doc : rows(subject, subjectId)) {
            String actual;
            try (InputStream in = storage.open(doc.objectKey())) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                    digesting.transferTo(OutputStream.nullOutputStream());
                }
                actual = HexFormat.of().formatHex(digest.digest());
            } catch (IOException | UncheckedIOException e) {
                throw new StorageUnavailableException("读取材料失败：" + doc.objectKey(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (!actual.equals(doc.sha256())) {
                throw new IllegalStateException("document " + doc.id() + " of " + subject + " " + subjectId
                        + " changed in storage: " + doc.sha256() + " recorded, " + actual + " read");
            }
        }
    }

    private List<EvidenceRow> rows(DocumentSubject subject, long subjectId) {
        return rows.findBySubjectKindAndSubjectIdOrderByUploadedAtAscIdAsc(subject, subjectId);
    }
}
