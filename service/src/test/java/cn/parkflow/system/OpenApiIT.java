package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description as a client generator reads it: every operation's real success status and its problem
 * responses, public operations without credentials, and a clean lint by Spectral's OpenAPI rules (all of them; a
 * warning fails as an error does). The responses themselves are checked against it in every IT ({@code ApiContract}).
 */
class OpenApiIT extends AbstractIT {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    JsonNode description() {
        return anonymous().get("/v3/api-docs").json();
    }

    JsonNode operation(String path, String verb) {
        JsonNode operation = description().path("paths").path(path).path(verb);
        assertThat(operation.isMissingNode()).as("%s %s is described", verb, path).isFalse();
        return operation;
    }

    @Test
    void everyOperationDocumentsItsSuccessAndItsProblems() {
        JsonNode paths = description().path("paths");
        List<String> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!VERBS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.has("default")).as("%s has no catch-all default", name).isFalse();
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(name).anyMatch(c -> c.startsWith("2") || c.equals("302")).contains("503");
            codes.stream().filter(c -> c.startsWith("4") || c.startsWith("5")).forEach(c -> assertThat(responses.path(c).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asText())
                    .as("%s %s is a problem", name, c).isEqualTo("#/components/schemas/Problem"));
            assertThat(op.getValue().path("summary").asText()).as("%s has a Chinese summary", name).matches(".*\\p{IsHan}.*");
        }));
        assertThat(operations).hasSizeGreaterThan(60).doesNotContain("GET /");
        assertThat(paths.fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/"));
    }

    @Test
    void successStatusesAreTheRealOnes() {
        assertThat(operation("/api/applications", "post").path("responses").fieldNames()).toIterable().contains("201").doesNotContain("200");
        assertThat(operation("/api/applications", "post").path("responses").path("201").path("headers").has("Location")).isTrue();
        assertThat(operation("/api/applications/{id}/submit", "post").path("responses").fieldNames()).toIterable()
                .contains("202", "409", "422").doesNotContain("200");
        assertThat(operation("/api/applications/{id}/documents", "post").path("responses").fieldNames()).toIterable()
                .contains("201", "400", "413", "415");
        JsonNode download = operation("/api/applications/{id}/documents/{docId}", "get").path("responses");
        assertThat(download.path("302").path("headers").has("Location")).isTrue();
        assertThat(download.path("200").path("content").has("*/*")).isTrue();
        assertThat(operation("/api/inbox/{id}/read", "post").path("responses").fieldNames()).toIterable().contains("204", "404")
                .doesNotContain("200");
        assertThat(operation("/api/inbox/{id}/read", "post").path("responses").path("204").has("content")).isFalse();
        JsonNode certificate = operation("/api/registry/carriers/{id}/certifications/{number}/certificate.pdf", "get").path("responses");
        assertThat(certificate.path("200").path("content").path("application/pdf").path("schema").path("format").asText()).isEqualTo("binary");
        assertThat(certificate.has("401")).isFalse(); // public
    }

    @Test
    void publicOperationsNeedNoCredentialsAndTheOthersSayWhoMay() {
        JsonNode paths = description().path("paths");
        assertThat(paths.path("/api/registry/carriers/{id}").path("get").path("security")).isEmpty();
        assertThat(paths.path("/api/publications").path("get").path("security")).isEmpty();
        assertThat(paths.path("/api/accounts/operators").path("post").path("security")).isEmpty();
        assertThat(paths.path("/api/accounts/operators").path("get").has("security")).isFalse(); // the API's: Basic or session
        assertThat(paths.path("/api/accounts/operators").path("get").path("responses").fieldNames()).toIterable().contains("401", "403");
        // and the security configuration opens exactly the operations the description calls public
        assertThat(anonymous().get("/api/publications").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/accounts/operators").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/registry/carriers/1/changes").status()).isEqualTo(401);
    }

    @Test
    void spectralFindsNothingToWarnAbout() throws IOException, InterruptedException {
        Path target = Path.of("target");
        Path spec = target.resolve("openapi.json");
        Files.writeString(spec, anonymous().get("/v3/api-docs").text(), StandardCharsets.UTF_8);
        Path spectral = target.resolve("spectral/node_modules/.bin/spectral");
        assertThat(spectral).as("Spectral installed by the build (exec-maven-plugin, spectral-install)").exists();
        Process lint = new ProcessBuilder(spectral.toString(), "lint", spec.toString(), "--ruleset", "src/test/openapi/.spectral.yaml",
                "--fail-severity", "warn", "--format", "text").redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as("spectral lint target/openapi.json:\n%s", output).isZero();
        assertThat(output).contains("No results with a severity of 'warn' or higher found");
    }
}
