package cn.parkflow.document;

import cn.parkflow.testsupport.ItInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Flyway V10 on the ITs' MariaDB server, in a database of its own. */
class EvidenceMigrationIT {

    @Test
    void mergesTheDocumentAndObjectionTablesKeepingEveryRow() throws Exception {
        var endpoints = ItInfrastructure.endpoints();
        String database = "migration_" + UUID.randomUUID().toString().substring(0, 8);
        String url = endpoints.jdbcUrl();
        String server = url.substring(0, url.indexOf('/', "jdbc:mysql://".length()) + 1);
        String options = url.contains("?") ? url.substring(url.indexOf('?')) : "";
        try (Connection c = DriverManager.getConnection(server + options, endpoints.jdbcUser(), endpoints.jdbcPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            new EvidenceMigrationCheck(new DriverManagerDataSource(server + database + options, endpoints.jdbcUser(),
                    endpoints.jdbcPassword())).run();
        } finally {
            try (Connection c = DriverManager.getConnection(server + options, endpoints.jdbcUser(), endpoints.jdbcPassword());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }
}
