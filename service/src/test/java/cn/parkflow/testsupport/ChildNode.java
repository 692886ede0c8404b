package cn.parkflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application (target/parkflow-service-*.jar) as a child JVM, as it runs in production: its
 * own process, so that it can be killed with SIGKILL, and its own Camunda engine registry (nodes in one
 * JVM share Camunda's static registry, and closing one unregisters the other's engine name).
 */
public final class ChildNode {

    private ChildNode() {}

    /** The packaged application: the production profile on MariaDB + S3Proxy, or the embedded default on its data directory. */
    public static Process start(int port, Path log, Path embeddedData, String... arguments) throws Exception {
        return start(port, log, embeddedData, embeddedData == null ? ItInfrastructure.endpoints() : null, arguments);
    }

    /** The production profile on the given servers. */
    public static Process start(int port, Path log, ItInfrastructure.Endpoints servers, String... arguments) throws Exception {
        return start(port, log, null, servers, arguments);
    }

    private static Process start(int port, Path log, Path embeddedData, ItInfrastructure.Endpoints servers, String... arguments)
            throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("parkflow-service-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("the packaged application is missing: run the package phase first"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                // after a crash, jobs the dead JVM had locked are taken over when their lock expires (production: 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        command.addAll(List.of(arguments));
        if (embeddedData == null) {
            command.add("--spring.profiles.active=production");
            ItInfrastructure.properties(servers).forEach((k, v) -> command.add("--" + k + "=" + v));
        } else {
            command.add("--parkflow.data-dir=" + embeddedData);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        Http anonymous = Http.to("http://localhost:" + port);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            assertThat(process.isAlive()).as("the child JVM died on start; see " + log).isTrue();
            try {
                if (anonymous.as("applicant1", AbstractIT.DEMO_PASSWORD).get("/api/applications?size=1").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("the child JVM did not become ready").isLessThan(deadline);
            Thread.sleep(500);
        }
    }


    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
