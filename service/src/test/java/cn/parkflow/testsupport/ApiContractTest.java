package cn.parkflow.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself: it lets a documented response through and fails an undocumented status or a wrong body. */
class ApiContractTest {

    static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForInlineApiSpecification("""
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {"/api/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
               "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "none", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["name"],
               "properties": {"name": {"type": "string"}, "count": {"type": "integer"}}}}}}
            """).build();

    static void check(int status, String contentType, String body) {
        ApiContract.check(VALIDATOR, "GET", URI.create("http://localhost/api/things/7"), status, Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentedResponsePasses() {
        assertThatCode(() -> check(200, "application/json", "{\"name\": \"孵化器\", \"count\": 3}")).doesNotThrowAnyException();
        assertThatCode(() -> check(404, "application/problem+json", "{\"title\": \"不存在\"}")).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> check(409, "application/problem+json", "{}")).isInstanceOf(AssertionError.class).hasMessageContaining("409");
    }

    @Test
    void aBodyOutsideTheSchemaFails() {
        assertThatThrownBy(() -> check(200, "application/json", "{\"count\": \"three\"}")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("name");
    }

    @Test
    void anUndocumentedContentTypeFails() {
        assertThatThrownBy(() -> check(200, "text/html", "<p>")).isInstanceOf(AssertionError.class);
    }
}
