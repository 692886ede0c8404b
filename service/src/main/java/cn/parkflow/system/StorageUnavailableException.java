package cn.parkflow.system;

/** The object store cannot be reached; the request changed nothing and may be retried. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
