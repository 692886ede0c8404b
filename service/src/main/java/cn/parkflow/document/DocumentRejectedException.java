package cn.parkflow.document;

/** An upload that parkflow refuses: too large or not an accepted format. Nothing of it is kept. */
public class DocumentRejectedException extends RuntimeException {

    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE, EMPTY }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
