package cn.parkflow.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description says of the API as a whole: its name, version, purpose and contact; how a client
 * authenticates (HTTP Basic, or the portal's browser session with its CSRF header); and the problem-details body
 * (RFC 9457, with field errors) every refusal carries.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static final String BASIC = "basicAuth";
    static final String SESSION = "browserSession";
    static final String SESSION_CSRF = "browserSessionCsrf";

    /**
     * Every operation's other outcomes are problem details: each operation's {@code default} response is the
     * {@code Problem} body (the specific 4xx responses per operation are still to be documented).
     */
    @Bean
    org.springdoc.core.customizers.GlobalOpenApiCustomizer problemResponses() {
        return api -> {
            // added here, after springdoc has built its schemas (it drops schemas of its OpenAPI bean that no operation uses)
            addProblemSchemas(api.getComponents());
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null && operation.getResponses().getDefault() == null) {
                    operation.getResponses().setDefault(new io.swagger.v3.oas.models.responses.ApiResponse()
                            .description("请求被拒绝或失败：问题详情（RFC 9457）")
                            .content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                                    new io.swagger.v3.oas.models.media.MediaType().schema(
                                            new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")))));
                }
            }));
        };
    }

    private static void addProblemSchemas(Components components) {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("出错的字段，如 indicators.tenantArea"));
        fieldError.addProperty("pointer", new StringSchema().description("JSON Pointer，如 #/indicators/tenantArea"));
        fieldError.addProperty("detail", new StringSchema().description("中文说明"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 问题详情（application/problem+json）；字段错误在 errors 中逐项列出");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("errors", new ArraySchema().items(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/FieldError")));
        components.addSchemas("FieldError", fieldError).addSchemas("Problem", problem);
    }

    @Bean
    OpenAPI parkflowOpenApi() {
        String version = OpenApiDescription.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("江苏省科技企业孵化载体管理平台 API（parkflow）")
                        .version(version == null ? "0.1.0" : version)
                        .description("科技企业孵化载体（创业苗圃、孵化器、育成中心、加速器、未来产业科技园）认定、标杆孵化器遴选、年度考核评价、"
                                + "变更备案与载体名录的接口。载体名录、公示与异议、目录为公开接口；其余接口以 HTTP Basic 或门户登录会话认证，"
                                + "会话的修改类请求须带 X-Parkflow-Csrf 请求头。所有拒绝均以 application/problem+json 返回，字段错误逐项列出。")
                        .contact(new Contact().name("江苏省科技企业孵化载体管理平台运维").url("/portal/home.html"))
                        .license(new License().name("内部使用")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("用户名与密码（与任务列表相同的账号）"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                                .name("JSESSIONID").description("门户登录（POST /api/session）后的浏览器会话"))
                        .addSecuritySchemes(SESSION_CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("X-Parkflow-Csrf").description("会话的 CSRF 令牌（登录时返回的 csrfToken），会话的修改类请求必须携带"))
                        )
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION).addList(SESSION_CSRF));
    }
}
