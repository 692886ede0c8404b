package cn.parkflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A small HTTP client for tests that act as a client would: JSON, HTTP Basic, multipart, cookies. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String base;
    private final String authorization;
    private final HttpClient client;
    private final Map<String, String> extraHeaders;

    private Http(String base, String authorization, HttpClient client) {
        this(base, authorization, client, Map.of());
    }

    private Http(String base, String authorization, HttpClient client, Map<String, String> extraHeaders) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
        this.extraHeaders = extraHeaders;
    }

    /** The same client (and cookie jar) sending one more header with every request. */
    public Http with(String header, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(header, value);
        return new Http(base, authorization, client, headers);
    }

    public static Http to(String base) {
        return new Http(base, null, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build());
    }

    /** The same client, authenticating every request with HTTP Basic. */
    public Http as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(base, "Basic " + token, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build(), extraHeaders);
    }

    /** A client with its own cookie jar (for the Camunda webapp's session login). */
    public Http withSession() {
        return Http.to(base);
    }

    public String base() {
        return base;
    }

    /** A response with its body as bytes, and readers for JSON and text. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A document as a browser gets it: the download, following parkflow's redirect to a presigned object-store URL. */
    public Response download(String path) {
        Response r = get(path);
        return r.status() == 302 ? fetch(java.net.URI.create(r.header("location"))) : r;
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(jsonBody(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(jsonBody(body)));
    }

    public Response postForm(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** POST of raw bytes with the given content type (CSV, for instance). */
    public Response postBody(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** PUT of raw bytes with the given content type. */
    public Response putBody(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** multipart/form-data with text fields and one file. */
    public Response upload(String path, Map<String, String> fields, String fileField, String fileName, String contentType, byte[] bytes) {
        return multipart("POST", path, fields, fileField, fileName, contentType, bytes);
    }

    /** A PUT of multipart/form-data with one file. */
    public Response uploadPut(String path, String fileField, String fileName, String contentType, byte[] bytes) {
        return multipart("PUT", path, Map.of(), fileField, fileName, contentType, bytes);
    }

    private Response multipart(String method, String path, Map<String, String> fields, String fileField, String fileName,
            String contentType, byte[] bytes) {
        String boundary = "----parkflow" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (fileField != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** GET of an absolute URL without credentials (e.g. a presigned URL). */
    public static Response fetch(URI uri) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiContract.check(request, response.statusCode(), response.headers().map(), response.body());
            return response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response response(HttpResponse<byte[]> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        return new Response(response.statusCode(), headers, response.body());
    }
}
