package cn.parkflow.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.parkflow.document.DocumentRejectedException;
import cn.parkflow.registry.ValidCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Each kind of refusal becomes an RFC 9457 problem with the right status. */
class ProblemDetailsAdviceTest {

    record Body(@ValidCreditCode String creditCode, @NotBlank(message = "请填写名称") String name) {}

    @RestController
    static class Failing {
        @GetMapping("/fail/{kind}")
        void fail(@PathVariable String kind) {
            switch (kind) {
                case "404" -> throw ApiException.notFound("申报");
                case "403" -> throw new AccessDeniedException("no");
                case "409" -> throw ApiException.conflict("已提交").with("applicationStatus", "SUBMITTED");
                case "422" -> throw ApiException.unprocessable("缺少材料").with("missingDocumentTypes", java.util.List.of("AUDIT_REPORT"));
                case "413" -> throw new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE, "太大");
                case "415" -> throw new DocumentRejectedException(DocumentRejectedException.Reason.UNSUPPORTED_TYPE, "格式");
                case "field" -> throw FieldErrors.single("creditCode", "不一致");
                case "internal" -> throw new IllegalArgumentException("no application 4711 in table application_row");
                default -> throw new IllegalStateException();
            }
        }

        @PostMapping("/body")
        void body(@Valid @RequestBody Body body) {}
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void statusesAndProblemJson() throws Exception {
        for (String code : new String[] {"404", "403", "409", "422", "413", "415"}) {
            mvc.perform(get("/fail/" + code))
                    .andExpect(status().is(Integer.parseInt(code)))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(Integer.parseInt(code)))
                    .andExpect(jsonPath("$.title").isNotEmpty());
        }
        mvc.perform(get("/fail/409")).andExpect(jsonPath("$.applicationStatus").value("SUBMITTED"));
        mvc.perform(get("/fail/422")).andExpect(jsonPath("$.missingDocumentTypes[0]").value("AUDIT_REPORT"));
    }

    @Test
    void anInternalMessageNeverReachesTheClient() throws Exception {
        mvc.perform(get("/fail/internal"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请求包含无效的取值或不存在的对象"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("4711"))));
    }

    @Test
    void serviceFieldErrorsLookLikeValidationErrors() throws Exception {
        mvc.perform(get("/fail/field"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parkflow:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/creditCode"));
    }

    @Test
    void beanValidationNamesEachField() throws Exception {
        mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON).content("{\"creditCode\":\"123\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field=='creditCode')].detail").value("统一社会信用代码应为18位"))
                .andExpect(jsonPath("$.errors[?(@.field=='name')].detail").value("请填写名称"));
    }

    @Test
    void unreadableJsonIs400() throws Exception {
        mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON).content("{oops"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求体无法解析"));
    }
}
