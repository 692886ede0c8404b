package cn.parkflow.system;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.testsupport.ItInfrastructure;
import cn.parkflow.testsupport.RestartScenario;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile started on the existing MariaDB schema and S3 bucket (the other ITs' data
 * included), used, stopped and started again: the same {@link RestartScenario} as the embedded default.
 */
class ProductionRestartIT {

    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(ParkflowApplication.class)
                .profiles("production")
                .initializers(new ItInfrastructure.Initializer())
                .run("--server.port=0");
    }

    @Test
    void theSecondStartOnTheExistingSchemaFindsEverythingAndSeedsNothingTwice() {
        RestartScenario.run(ProductionRestartIT::node);
    }
}
