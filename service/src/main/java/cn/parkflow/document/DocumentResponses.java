package cn.parkflow.document;

import cn.parkflow.system.FieldErrors;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The HTTP side of documents every capability shares: reading an upload's type and file, serving a document. */
@Component
public class DocumentResponses {

    /** A document the caller was allowed to read. */
    public record Access(String objectKey, String fileName, String contentType, long size) {}

    private final DocumentService documents;

    DocumentResponses(DocumentService documents) {
        this.documents = documents;
    }

    /** The document type of an upload form, or a field error. */
    public static DocumentType type(String type) {
        if (type == null || type.isBlank()) {
            throw FieldErrors.single("type", "请选择材料类型");
        }
        try {
            return DocumentType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            throw FieldErrors.single("type", "材料类型无效: " + type);
        }
    }

    /** The uploaded file, or a field error when there is none. */
    public static MultipartFile file(MultipartFile file) {
        if (file == null) {
            throw FieldErrors.single("file", "请选择要上传的文件");
        }
        return file;
    }

    /**
     * Serves a document after the access check: a redirect to a presigned URL valid at most five
     * minutes (S3), or the bytes themselves (filesystem storage). PDFs open inline unless {@code download}.
     */
    public ResponseEntity<?> serve(Access doc, boolean download) {
        String name = FileNames.forDownload(doc.fileName(), doc.contentType());
        Optional<URI> presigned = documents.presignedGet(doc.objectKey(), name, doc.contentType(), !download);
        if (presigned.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(presigned.get()).cacheControl(CacheControl.noStore()).build();
        }
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(doc.contentType()))
                .contentLength(doc.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(documents.open(doc.objectKey())));
    }
}
