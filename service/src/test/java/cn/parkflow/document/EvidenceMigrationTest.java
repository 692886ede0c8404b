package cn.parkflow.document;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Flyway V10 on H2 in MySQL mode, as the embedded default runs it. */
class EvidenceMigrationTest {

    @Test
    void mergesTheDocumentAndObjectionTablesKeepingEveryRow() {
        new EvidenceMigrationCheck(new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "")).run();
    }
}
