package cn.parkflow.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (an outage, a restart, an exhausted pool) from every other
 * failure, wherever the engine, Spring or the driver wrapped it: such a request is answered 503 and
 * may be repeated; nothing of it was written.
 */
public final class DatabaseFailures {

    public static final String TITLE = "数据库暂不可用";
    public static final String DETAIL = "数据库暂时无法连接，本次请求未执行，请稍后重试";

    private DatabaseFailures() {}

    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true; // SQL state class 08: connection exception (MySQL's "Communications link failure" is 08S01)
            }
            // a rollback that failed because the connection died hides the statement's own failure
            if (t instanceof org.springframework.transaction.TransactionSystemException tx && tx.getApplicationException() != null
                    && tx.getApplicationException() != failure && unavailable(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
