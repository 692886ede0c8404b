package cn.parkflow.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The contract test: every response the ITs receive from the platform's API ({@code /api/**}) is checked against the
 * OpenAPI description the same application serves at {@code /v3/api-docs}, as a generated client would rely on it:
 * the status must be one the operation documents (there is no catch-all {@code default}), the content type one of its
 * media types, and a JSON body must match the schema. A mismatch fails the test that received the response.
 */
public final class ApiContract {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {}

    /** Checks one exchange; anything outside {@code /api/} (engine REST, webapps, portal pages) is not described here. */
    public static void check(HttpRequest request, int status, Map<String, List<String>> headers, byte[] body) {
        URI uri = request.uri();
        if (!uri.getPath().startsWith("/api/") || Boolean.getBoolean("parkflow.api-contract.off")) {
            return;
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        check(VALIDATORS.computeIfAbsent(origin, ApiContract::load), request.method(), uri, status, headers, body);
    }

    static void check(OpenApiInteractionValidator validator, String method, URI uri, int status, Map<String, List<String>> headers,
            byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(e -> e.getValue().get(0)).findFirst().orElse("");
        if (body.length > 0) {
            // a JSON body is checked against its schema; a file's bytes only for being there
            response.withBody(new String(body, contentType.contains("json") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        }
        ValidationReport report = validator.validateResponse(uri.getPath(), Request.Method.valueOf(method), response.build());
        if (report.hasErrors()) {
            String messages = report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n  "));
            throw new AssertionError("response " + status + " of " + method + " " + uri.getPath()
                    + " does not match the OpenAPI description:\n  " + messages + "\nbody: " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private static OpenApiInteractionValidator load(String origin) {
        try {
            HttpResponse<String> spec = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (spec.statusCode() != 200) {
                throw new AssertionError("no OpenAPI description at " + origin + "/v3/api-docs: " + spec.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(spec.body()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
