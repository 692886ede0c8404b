package cn.parkflow.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Flyway V13 on H2 in MySQL mode: the members of group expert enter the pool with what the engine knew of them. */
class ExpertPoolMigrationTest {

    static DataSource database() {
        return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
    }

    static Flyway flyway(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).table("parkflow_schema_history").locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void expertsAlreadyInTheEnginesIdentityEnterThePool() {
        DataSource db = database();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        flyway(db, "12").migrate();
        // the columns of Camunda's identity tables the migration reads
        jdbc.execute("CREATE TABLE ACT_ID_USER (ID_ VARCHAR(255) PRIMARY KEY, FIRST_ VARCHAR(255), LAST_ VARCHAR(255), EMAIL_ VARCHAR(255))");
        jdbc.execute("CREATE TABLE ACT_ID_MEMBERSHIP (USER_ID_ VARCHAR(64), GROUP_ID_ VARCHAR(64))");
        jdbc.execute("CREATE TABLE ACT_ID_INFO (ID_ VARCHAR(64), USER_ID_ VARCHAR(64), TYPE_ VARCHAR(64), KEY_ VARCHAR(255), VALUE_ VARCHAR(255))");
        jdbc.update("INSERT INTO ACT_ID_USER VALUES ('wang', '王', '专家', 'wang@example.cn'), ('li', NULL, NULL, NULL), ('nanjing', '南京', '审核员', NULL)");
        jdbc.update("INSERT INTO ACT_ID_MEMBERSHIP VALUES ('wang', 'expert'), ('li', 'expert'), ('nanjing', 'city-320100')");
        jdbc.update("INSERT INTO ACT_ID_INFO VALUES ('1', 'wang', 'userinfo', 'homeCity', '320200'),"
                + " ('2', 'wang', 'userinfo', 'operatorCreditCode', '91320100MA1X2Y3W4X'), ('3', 'nanjing', 'userinfo', 'homeCity', '320100')");
        flyway(db, null).migrate();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT username, display_name, home_city, employer_credit_code, email, active, created_by FROM expert ORDER BY username");
        assertThat(rows).hasSize(2);
        Map<String, Object> li = rows.get(0);
        Map<String, Object> wang = rows.get(1);
        assertThat(wang.get("USERNAME")).isEqualTo("wang");
        assertThat(wang.get("DISPLAY_NAME")).isEqualTo("专家王");
        assertThat(wang.get("HOME_CITY")).isEqualTo("320200");
        assertThat(wang.get("EMPLOYER_CREDIT_CODE")).isEqualTo("91320100MA1X2Y3W4X");
        assertThat(wang.get("EMAIL")).isEqualTo("wang@example.cn");
        assertThat(wang.get("ACTIVE")).isEqualTo(true);
        assertThat(wang.get("CREATED_BY")).isEqualTo("migration");
        assertThat(li.get("USERNAME")).isEqualTo("li");
        assertThat(li.get("DISPLAY_NAME")).isEqualTo("li");
        assertThat(li.get("HOME_CITY")).isNull(); // kept, and not drawn until the province completes the entry
    }

    @Test
    void onAFreshDatabaseThereIsNobodyToCarryOver() {
        DataSource db = database();
        flyway(db, null).migrate();
        assertThat(new JdbcTemplate(db).queryForObject("SELECT COUNT(*) FROM expert", Integer.class)).isZero();
    }
}
