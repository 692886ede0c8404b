package cn.parkflow.system;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.testsupport.RestartScenario;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default started, used, stopped and started again on its own data directory, as a user
 * does with {@code ./mvnw -pl service spring-boot:run} and Ctrl-C: every draft, document, process
 * instance, task and registry row is there again, and nothing is seeded twice.
 */
class EmbeddedRestartTest {

    static final Path DATA = Path.of("target", "restart-" + UUID.randomUUID()).toAbsolutePath();

    static ConfigurableApplicationContext start() {
        // as arguments: they outrank application.yaml (builder "properties" are only defaults)
        return new SpringApplicationBuilder(ParkflowApplication.class).run("--parkflow.data-dir=" + DATA, "--server.port=0");
    }

    @Test
    void theSecondStartFindsEverythingTheFirstLeftAndSeedsNothingTwice() {
        RestartScenario.run(EmbeddedRestartTest::start);
    }
}
