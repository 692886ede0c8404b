package cn.parkflow.document;

import cn.parkflow.registry.CertificateArchive;
import cn.parkflow.system.Pdf;
import cn.parkflow.system.StorageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Issued certificates in the document store, next to the evidence, under {@code certificates/}. */
@Component
class StoredCertificates implements CertificateArchive {

    private final DocumentStorage storage;

    StoredCertificates(DocumentStorage storage) {
        this.storage = storage;
    }

    @Override
    public byte[] keep(String key, byte[] pdf) {
        try {
            if (!storage.exists(key)) {
                Path file = Files.createTempFile("certificate", ".pdf");
                try {
                    Files.write(file, pdf);
                    storage.put(key, file, pdf.length, Pdf.CONTENT_TYPE);
                } catch (IOException raced) {
                    if (!storage.exists(key)) {
                        throw raced;
                    } // another request issued it a moment earlier: keep theirs
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            return read(key);
        } catch (IOException e) {
            throw new StorageUnavailableException("证书保存失败", e);
        }
    }

    @Override
    public byte[] read(String key) {
        try (InputStream in = storage.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageUnavailableException("证书读取失败", e);
        }
    }
}
