package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.ItInfrastructure;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

/**
 * docker compose cannot run here, so its service configuration is held to what the ITs run:
 * the same profile and the same property names, one environment variable per IT property.
 */
class DockerComposeConfigurationTest {

    /** Properties the ITs set that compose deliberately leaves at their defaults or sets through the image. */
    static final Set<String> IT_ONLY = Set.of("parkflow.demo.enabled", "parkflow.data-dir", "parkflow.job-retry-cycle",
            "camunda.bpm.job-execution.max-wait", "camunda.bpm.admin-user.password");

    @SuppressWarnings("unchecked")
    static Map<String, Object> parkflowEnvironment() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            assertThat(services).containsKeys("mysql", "minio", "minio-init", "parkflow");
            return (Map<String, Object>) ((Map<String, Object>) services.get("parkflow")).get("environment");
        }
    }

    /** Spring Boot binds both the canonical (dashes dropped) and the legacy (dashes as underscores) form. */
    static boolean hasVariable(Map<String, Object> env, String property) {
        String canonical = property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
        String legacy = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        return env.containsKey(canonical) || env.containsKey(legacy);
    }

    @Test
    void composeRunsTheProfileTheItsRun() throws Exception {
        String[] itProfiles = AbstractIT.class.getAnnotation(ActiveProfiles.class).value();
        assertThat(parkflowEnvironment().get("SPRING_PROFILES_ACTIVE")).isEqualTo(String.join(",", itProfiles));
    }

    @Test
    void everyPropertyTheItsSetHasItsEnvironmentVariableInCompose() throws Exception {
        Map<String, Object> env = parkflowEnvironment();
        Map<String, Object> itProperties = ItInfrastructure.properties(new ItInfrastructure.Endpoints("jdbc:mysql://x/parkflow",
                "u", "p", URI.create("http://s3:9000"), "a", "s"));
        Set<String> missing = itProperties.keySet().stream()
                .filter(p -> !IT_ONLY.contains(p))
                .filter(p -> !hasVariable(env, p))
                .collect(Collectors.toSet());
        assertThat(missing).as("IT properties without an environment variable in docker-compose.yml").isEmpty();
        assertThat(env).containsKey("PARKFLOW_PUBLICATION_PERIOD").containsKey("PARKFLOW_ADMIN_PASSWORD");
        assertThat(String.valueOf(env.get("SPRING_DATASOURCE_URL"))).contains("sendFractionalSeconds=false").startsWith("jdbc:mysql://");
    }

    @Test
    void mysqlRunsReadCommittedInUtf8mb4() throws Exception {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        assertThat(compose).contains("image: mysql:8.4").contains("--transaction-isolation=READ-COMMITTED")
                .contains("--character-set-server=utf8mb4");
        String cnf = Files.readString(Path.of("..", "infra", "mysql", "parkflow.cnf"));
        assertThat(cnf).contains("transaction-isolation = READ-COMMITTED").contains("character-set-server = utf8mb4");
        assertThat(Files.readString(Path.of("..", "infra", "minio", "create-bucket.sh"))).contains("mc anonymous set none");
        assertThat(Files.readString(Path.of("..", "infra", "Dockerfile"))).contains("SPRING_PROFILES_ACTIVE=production");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoNodesBehindOneProxyShareEverySetting() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("services");
            assertThat(services).containsKeys("parkflow-2", "proxy");
            Map<String, Object> second = (Map<String, Object>) services.get("parkflow-2");
            assertThat(second.get("environment")).isEqualTo(((Map<String, Object>) services.get("parkflow")).get("environment"));
            assertThat(String.valueOf(((Map<String, Object>) services.get("proxy")).get("ports"))).contains("8080:80");
        }
        String nginx = Files.readString(Path.of("..", "infra", "nginx", "parkflow.conf"));
        assertThat(nginx).contains("server parkflow:8080").contains("server parkflow-2:8080")
                .contains("X-Forwarded-Proto").contains("X-Forwarded-For").contains("client_max_body_size 51m");
    }
}
