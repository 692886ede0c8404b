package cn.parkflow.testsupport;

import cn.parkflow.ParkflowApplication;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
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

    private static final Set<Integer> READY = ConcurrentHashMap.newKeySet();

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.IdentityService identity;

    /**
     * The demo accounts are created when the application is ready, which a test's first request can
     * overtake; each context's first test waits until the last demo account is complete. It asks the
     * identity service rather than logging in: failed logins would count against the client address.
     */
    @BeforeEach
    void demoAccountsReady() throws InterruptedException {
        if (READY.contains(port)) {
            return;
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (identity.createUserQuery().userId("applicant2").memberOfGroup("applicant").count() == 0
                || identity.getUserInfo("applicant2", "operatorCreditCode") == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("demo accounts not ready within 60 s");
            }
            Thread.sleep(100);
        }
        READY.add(port);
    }

    protected Http anonymous() {
        return Http.to("http://localhost:" + port);
    }

    protected Http as(String user) {
        return anonymous().as(user, user.equals("admin") ? ItInfrastructure.ADMIN_PASSWORD : DEMO_PASSWORD);
    }
}
