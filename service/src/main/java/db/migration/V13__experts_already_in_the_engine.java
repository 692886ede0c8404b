package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Experts who were members of group {@code expert} before the expert pool existed enter it with what the
 * engine's identity knew of them: name, e-mail, and the user info {@code homeCity} and
 * {@code operatorCreditCode} (as the employer). Those without a home city are kept, and are not drawn
 * until the province completes their entry (the conflict-of-interest rule cannot be checked without it).
 * On a fresh database the engine's tables do not exist yet, and there is nobody to carry over.
 */
public class V13__experts_already_in_the_engine extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!exists(connection, "ACT_ID_MEMBERSHIP") || !exists(connection, "ACT_ID_INFO")) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            Timestamp now = Timestamp.from(Instant.now());
            sql.execute("INSERT INTO expert (username, display_name, home_city, employer_credit_code, email, active, created_by, created_at)"
                    + " SELECT u.ID_, COALESCE(NULLIF(CONCAT(COALESCE(u.LAST_, ''), COALESCE(u.FIRST_, '')), ''), u.ID_),"
                    + " (SELECT MAX(i.VALUE_) FROM ACT_ID_INFO i WHERE i.USER_ID_ = u.ID_ AND i.TYPE_ = 'userinfo' AND i.KEY_ = 'homeCity'),"
                    + " (SELECT MAX(i.VALUE_) FROM ACT_ID_INFO i WHERE i.USER_ID_ = u.ID_ AND i.TYPE_ = 'userinfo'"
                    + " AND i.KEY_ = 'operatorCreditCode'),"
                    + " u.EMAIL_, TRUE, 'migration', TIMESTAMP '" + now.toString().substring(0, 19) + "'"
                    + " FROM ACT_ID_USER u JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_ WHERE m.GROUP_ID_ = 'expert'");
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase()}) {
            try (ResultSet found = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
