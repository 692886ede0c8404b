package cn.parkflow.document;

import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldError;
import cn.parkflow.system.FieldErrors;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An upload that parkflow refuses: too large (413), not an accepted format (415), or empty (400, a field
 * error on {@code file}). Nothing of it is kept.
 */
public class DocumentRejectedException extends ApiException {

    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE, EMPTY }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(status(reason), reason == Reason.EMPTY ? FieldErrors.TITLE : "文件被拒收",
                reason == Reason.EMPTY ? "file: " + message : message);
        this.reason = reason;
        if (reason == Reason.EMPTY) {
            with("type", FieldErrors.TYPE).with("errors", List.of(FieldError.of("file", message)));
        }
    }

    private static HttpStatus status(Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
        };
    }

    public Reason reason() {
        return reason;
    }
}
