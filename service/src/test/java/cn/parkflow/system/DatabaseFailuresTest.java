package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503, repeat later) and which do not. */
class DatabaseFailuresTest {

    @Test
    void connectionFailuresWhereverTheyAreWrapped() {
        assertThat(DatabaseFailures.unavailable(new CannotCreateTransactionException("x", new SQLTransientConnectionException("pool")))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException(new RuntimeException(new ConnectException("refused"))))).isTrue();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException(new SQLException("Communications link failure", "08S01")))).isTrue();
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseFailures.unavailable(rollback)).isTrue();
        TransactionSystemException hidden = new TransactionSystemException("rollback failed", new SQLException("x", "HY000"));
        hidden.initApplicationException(new RuntimeException(new SQLException("lost", "08S01")));
        assertThat(DatabaseFailures.unavailable(hidden)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.unavailable(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23000")))).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.unavailable(null)).isFalse();
    }
}
