package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Evidence documents and objections each move into one table with a subject, owned by the capability that
 * serves every other (document, publication):
 * <ul>
 * <li>{@code application_document} becomes {@code evidence_document} (its rows keep their ids, so links
 * already shown in Tasklist still open); the rows of {@code benchmark_document} follow with new ids, in
 * their order, and subject {@code BENCHMARK_APPLICATION};</li>
 * <li>{@code objection} keeps its rows and ids (subject {@code APPLICATION-<id>}); the rows of
 * {@code benchmark_objection} follow with new ids and subject {@code CAMPAIGN-<id>}.</li>
 * </ul>
 * A 处理异议 task holds its objection's id, so the migration refuses to run while a benchmark objection
 * awaits its finding: decide it in Tasklist, then upgrade. Written in Java because H2 (the embedded
 * default) and MySQL/MariaDB spell dropping a foreign key and tightening a column differently.
 */
public class V10__one_evidence_and_one_objection_table extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement sql = connection.createStatement()) {
            refuseWhileBenchmarkObjectionsAreOpen(sql);

            dropForeignKey(sql, h2, "application_document", "fk_document_application");
            sql.execute("ALTER TABLE application_document RENAME TO evidence_document");
            sql.execute("ALTER TABLE evidence_document ADD COLUMN subject_kind VARCHAR(32) NOT NULL DEFAULT 'APPLICATION'");
            sql.execute("ALTER TABLE evidence_document ADD COLUMN subject_id BIGINT");
            sql.execute("UPDATE evidence_document SET subject_id = application_id");
            dropIndex(sql, h2, "evidence_document", "ix_document_application");
            sql.execute("ALTER TABLE evidence_document DROP COLUMN application_id");
            notNull(sql, h2, "evidence_document", "subject_id", "BIGINT");
            sql.execute("ALTER TABLE evidence_document ALTER COLUMN subject_kind DROP DEFAULT");
            sql.execute("CREATE INDEX ix_evidence_subject ON evidence_document (subject_kind, subject_id)");
            sql.execute("INSERT INTO evidence_document (subject_kind, subject_id, type, file_name, size, sha256, content_type,"
                    + " object_key, uploaded_by, uploaded_at)"
                    + " SELECT 'BENCHMARK_APPLICATION', application_id, type, file_name, size, sha256, content_type, object_key,"
                    + " uploaded_by, uploaded_at FROM benchmark_document ORDER BY id");
            sql.execute("DROP TABLE benchmark_document");

            dropForeignKey(sql, h2, "objection", "fk_objection_application");
            sql.execute("ALTER TABLE objection ADD COLUMN subject VARCHAR(64)");
            sql.execute("ALTER TABLE objection ADD COLUMN item_id BIGINT");
            sql.execute("UPDATE objection SET subject = CONCAT('APPLICATION-', application_id), item_id = application_id");
            dropIndex(sql, h2, "objection", "ix_objection_application");
            sql.execute("ALTER TABLE objection DROP COLUMN application_id");
            notNull(sql, h2, "objection", "subject", "VARCHAR(64)");
            notNull(sql, h2, "objection", "item_id", "BIGINT");
            sql.execute("CREATE INDEX ix_objection_subject ON objection (subject)");
            sql.execute("INSERT INTO objection (subject, item_id, objector_name, contact, text, received_at, upheld, reply,"
                    + " decided_by, decided_at)"
                    + " SELECT CONCAT('CAMPAIGN-', campaign_id), application_id, objector_name, contact, text, received_at, upheld,"
                    + " reply, decided_by, decided_at FROM benchmark_objection ORDER BY id");
            sql.execute("DROP TABLE benchmark_objection");
        }
    }

    private static void refuseWhileBenchmarkObjectionsAreOpen(Statement sql) throws SQLException {
        try (ResultSet open = sql.executeQuery("SELECT campaign_id, id FROM benchmark_objection WHERE upheld IS NULL ORDER BY id")) {
            StringBuilder list = new StringBuilder();
            while (open.next()) {
                list.append(list.isEmpty() ? "" : ", ").append("campaign ").append(open.getLong(1)).append(" objection ")
                        .append(open.getLong(2));
            }
            if (!list.isEmpty()) {
                throw new IllegalStateException("Benchmark objections still await a finding (" + list + "): complete their"
                        + " 处理异议 tasks in Tasklist, then start this version again. Nothing was changed.");
            }
        }
    }

    private static void dropForeignKey(Statement sql, boolean h2, String table, String name) throws SQLException {
        sql.execute("ALTER TABLE " + table + (h2 ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ") + name);
    }

    private static void dropIndex(Statement sql, boolean h2, String table, String name) throws SQLException {
        sql.execute(h2 ? "DROP INDEX IF EXISTS " + name : "DROP INDEX " + name + " ON " + table);
    }

    private static void notNull(Statement sql, boolean h2, String table, String column, String type) throws SQLException {
        sql.execute(h2 ? "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL"
                : "ALTER TABLE " + table + " MODIFY " + column + " " + type + " NOT NULL");
    }
}
