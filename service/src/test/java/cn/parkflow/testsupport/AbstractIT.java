package cn.parkflow.testsupport;

import cn.parkflow.ParkflowApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of every IT: the whole application, in the production profile docker compose runs, on a
 * real MariaDB and a real S3 endpoint ({@link ItInfrastructure}), driven over HTTP.
 */
@SpringBootTest(classes = ParkflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@ContextConfiguration(initializers = ItInfrastructure.Initializer.class)
public abstract class AbstractIT {

    public static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    protected Http anonymous() {
        return Http.to("http://localhost:" + port);
    }

    protected Http as(String user) {
        return anonymous().as(user, user.equals("admin") ? ItInfrastructure.ADMIN_PASSWORD : DEMO_PASSWORD);
    }
}
