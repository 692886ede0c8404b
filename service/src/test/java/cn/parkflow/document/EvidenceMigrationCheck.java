package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway V10 on a database that holds data of V9: the two document tables and the two objection tables
 * become one of each, every row kept, application rows with their ids. Run on H2 (the embedded default)
 * by {@link EvidenceMigrationTest} and on MariaDB by {@link EvidenceMigrationIT}.
 */
final class EvidenceMigrationCheck {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    EvidenceMigrationCheck(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(dataSource).table("parkflow_schema_history").locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    void run() {
        flyway("9").migrate();
        seedVersion9();
        jdbc.update("INSERT INTO benchmark_objection (id, campaign_id, application_id, objector_name, contact, text, received_at)"
                + " VALUES (2, 1, 2, '王五', '13900000000', '数据不实', '2026-05-02 10:00:00')");

        assertThatThrownBy(() -> flyway(null).migrate()).hasStackTraceContaining("campaign 1 objection 2")
                .hasStackTraceContaining("处理异议");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benchmark_document", Integer.class)).as("nothing changed").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_document", Integer.class)).isEqualTo(3);

        jdbc.update("UPDATE benchmark_objection SET upheld = FALSE, reply = '不成立', decided_by = 'province', decided_at = '2026-05-03 10:00:00' WHERE id = 2");
        flyway(null).repair();
        flyway(null).migrate();

        List<Map<String, Object>> documents = jdbc.queryForList(
                "SELECT id, subject_kind, subject_id, object_key, sha256 FROM evidence_document ORDER BY id");
        assertThat(documents).hasSize(5);
        assertThat(documents.subList(0, 3)).extracting(r -> r.get("ID") == null ? r.get("id") : r.get("ID"))
                .map(v -> ((Number) v).longValue()).containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForList("SELECT subject_kind, subject_id, object_key FROM evidence_document ORDER BY id"))
                .extracting(r -> value(r, "subject_kind") + "/" + value(r, "subject_id") + "/" + value(r, "object_key"))
                .containsExactly("APPLICATION/1/applications/1/a.pdf", "APPLICATION/1/applications/1/b.pdf",
                        "APPLICATION/2/applications/2/c.pdf", "BENCHMARK_APPLICATION/1/benchmark/1/d.pdf",
                        "BENCHMARK_APPLICATION/2/benchmark/2/e.pdf");
        assertThat(jdbc.queryForObject("SELECT sha256 FROM evidence_document WHERE object_key = 'benchmark/2/e.pdf'", String.class))
                .isEqualTo("e".repeat(64));

        assertThat(jdbc.queryForList("SELECT id, subject, item_id, upheld FROM objection ORDER BY id"))
                .extracting(r -> value(r, "id") + ":" + value(r, "subject") + "/" + value(r, "item_id") + "/" + value(r, "upheld"))
                .containsExactly("1:APPLICATION-1/1/true", "2:APPLICATION-2/2/null", "3:CAMPAIGN-1/1/false", "4:CAMPAIGN-1/2/false");

        // the tables go on taking rows without colliding with the migrated ids
        jdbc.update("INSERT INTO evidence_document (subject_kind, subject_id, type, file_name, size, sha256, content_type, object_key,"
                + " uploaded_by, uploaded_at) VALUES ('APPLICATION', 2, 'OTHER', 'f.pdf', 9, ?, 'application/pdf', 'applications/2/f.pdf',"
                + " 'applicant1', '2026-06-01 10:00:00')", "f".repeat(64));
        jdbc.update("INSERT INTO objection (subject, item_id, objector_name, contact, text, received_at)"
                + " VALUES ('APPLICATION-2', 2, '赵六', '13700000000', '不实', '2026-06-01 10:00:00')");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM evidence_document", Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM objection", Integer.class)).isEqualTo(5);

        assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM benchmark_document", Integer.class)).as("dropped")
                .isInstanceOf(org.springframework.jdbc.BadSqlGrammarException.class);
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM benchmark_objection", Integer.class)).as("dropped")
                .isInstanceOf(org.springframework.jdbc.BadSqlGrammarException.class);
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }

    private void seedVersion9() {
        for (int id = 1; id <= 2; id++) {
            jdbc.update("INSERT INTO application (id, owner_id, kind, level, carrier_name, operator_name, credit_code, city, industries,"
                    + " address, indicators, status, created_at, updated_at) VALUES (?, 'applicant1', 'INCUBATOR', 'PROVINCIAL',"
                    + " '载体', '机构', '91320100MA1XXXXX0X', '320100', '', '地址', '{}', 'PUBLICATION', '2026-05-01 09:00:00',"
                    + " '2026-05-01 09:00:00')", id);
        }
        document("application_document", 1, 1, "applications/1/a.pdf", "a");
        document("application_document", 2, 1, "applications/1/b.pdf", "b");
        document("application_document", 3, 2, "applications/2/c.pdf", "c");
        jdbc.update("INSERT INTO objection (id, application_id, objector_name, contact, text, received_at, upheld, reply, decided_by,"
                + " decided_at) VALUES (1, 1, '张三', '13800000000', '场地不实', '2026-05-02 09:00:00', TRUE, '成立', 'province',"
                + " '2026-05-03 09:00:00')");
        jdbc.update("INSERT INTO objection (id, application_id, objector_name, contact, text, received_at)"
                + " VALUES (2, 2, '李四', '13800000001', '人数不实', '2026-05-02 09:30:00')");
        jdbc.update("INSERT INTO benchmark_campaign (id, campaign_year, title, total_quota, deadline, term_years, stage, created_by,"
                + " created_at) VALUES (1, 2026, '遴选', 100, '2026-04-01 00:00:00', 3, 'PUBLICATION', 'province', '2026-03-01 00:00:00')");
        for (int id = 1; id <= 2; id++) {
            jdbc.update("INSERT INTO benchmark_application (id, campaign_id, carrier_id, applicant_id, city, indicators, status,"
                    + " applied_at) VALUES (?, 1, ?, 'applicant1', '320100', '{}', 'CONFIRMED', '2026-03-02 00:00:00')", id, id);
        }
        document("benchmark_document", 1, 1, "benchmark/1/d.pdf", "d");
        document("benchmark_document", 2, 2, "benchmark/2/e.pdf", "e");
        jdbc.update("INSERT INTO benchmark_objection (id, campaign_id, application_id, objector_name, contact, text, received_at,"
                + " upheld, reply, decided_by, decided_at) VALUES (1, 1, 1, '钱七', '13600000000', '不实', '2026-05-02 11:00:00',"
                + " FALSE, '不成立', 'province', '2026-05-03 11:00:00')");
    }

    private void document(String table, long id, long applicationId, String key, String hashChar) {
        jdbc.update("INSERT INTO " + table + " (id, application_id, type, file_name, size, sha256, content_type, object_key,"
                + " uploaded_by, uploaded_at) VALUES (?, ?, 'OTHER', ?, 9, ?, 'application/pdf', ?, 'applicant1', ?)",
                id, applicationId, key.substring(key.lastIndexOf('/') + 1), hashChar.repeat(64), key,
                "2026-05-01 09:0" + id + ":00");
    }
}
