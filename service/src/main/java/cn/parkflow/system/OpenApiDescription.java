package cn.parkflow.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
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
     * Schema names that stay apart: a nested type is named with its enclosing types ({@code ExpertPool.View} is
     * {@code ExpertPoolView}, {@code OperatorRegistrations.View} is {@code OperatorRegistrationsView}), where springdoc's
     * simple names would let one {@code View} overwrite the other in the description.
     */
    @Bean
    io.swagger.v3.core.jackson.ModelResolver nestedTypeNames() {
        return new io.swagger.v3.core.jackson.ModelResolver(io.swagger.v3.core.util.Json.mapper(), new NestedTypeNames());
    }

    static final class NestedTypeNames extends io.swagger.v3.core.jackson.TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            Class<?> outer = type.getEnclosingClass();
            return outer != null && name.equals(type.getSimpleName()) ? getNameOfClass(outer) + name : name;
        }
    }

    /** What each status means to a client, as the description says it. */
    static final Map<Integer, String> MEANING = Map.ofEntries(
            Map.entry(200, "成功"),
            Map.entry(201, "已创建（Location 为新资源的地址，如有）"),
            Map.entry(202, "已受理：后续办理在流程中进行"),
            Map.entry(204, "成功，无响应体"),
            Map.entry(302, "跳转：Location 为文件的预签名下载地址（有效期不超过 5 分钟）"),
            Map.entry(400, "请求参数有误：字段错误在 errors 中逐项列出，未作任何更改"),
            Map.entry(401, "未登录，或用户名、密码错误（连续失败将锁定账号）"),
            Map.entry(403, "无权操作：角色、所属设区市或对象归属不符，或会话请求缺少 X-Parkflow-Csrf"),
            Map.entry(404, "对象不存在，或对当前用户不可见"),
            Map.entry(409, "状态冲突：当前阶段、期限或已有记录不允许此操作"),
            Map.entry(413, "文件超过大小上限"),
            Map.entry(415, "内容类型不受支持：文件不是 PDF、OFD、JPEG 或 PNG（按内容识别），或请求体的类型不符"),
            Map.entry(422, "业务条件不满足：问题详情说明缺少什么或哪项条件不符"),
            Map.entry(429, "提交过于频繁：同一地址在时段内的提交已达上限，按 Retry-After 稍后再试"),
            Map.entry(503, "数据库或文件存储暂不可用：未作任何更改，按 Retry-After 稍后重试"));

    /**
     * Each operation's responses as it really answers: its success status from {@link Outcomes} (201, 202, 204, 302;
     * files as binary bodies of their media types), then its problems, each an {@code application/problem+json}
     * {@code Problem}: those it declares, and those its shape implies (400, 401, 403, 413, 415, 503).
     * A {@link PublicAccess} operation needs no credentials ({@code security: []}).
     */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer outcomes() {
        return (operation, handler) -> {
            Outcomes outcomes = handler.getMethodAnnotation(Outcomes.class);
            boolean open = handler.hasMethodAnnotation(PublicAccess.class);
            int success = outcomes == null ? 200 : outcomes.value();
            Content body = generatedBody(operation);
            if (outcomes != null && outcomes.files().length > 0) {
                body = new Content();
                for (String type : outcomes.files()) {
                    body.addMediaType(type, new MediaType().schema(binary()));
                }
            }
            ApiResponses responses = new ApiResponses();
            ApiResponse ok = new ApiResponse().description(MEANING.get(success));
            switch (success) {
                case 204 -> { }
                case 302 -> ok.addHeaderObject(HttpHeaders.LOCATION, new Header().description("文件的预签名下载地址")
                        .schema(new StringSchema().format("uri")));
                case 201 -> ok.content(body).addHeaderObject(HttpHeaders.LOCATION, new Header().description("新资源的地址（如有）")
                        .schema(new StringSchema()));
                default -> ok.content(body);
            }
            responses.addApiResponse(String.valueOf(success), ok);
            if (outcomes != null) {
                for (int other : outcomes.also()) {
                    responses.addApiResponse(String.valueOf(other), new ApiResponse().description(MEANING.get(other)).content(body));
                }
            }
            if (outcomes != null && outcomes.orBytes()) {
                responses.addApiResponse("200", new ApiResponse().description("文件内容（文件存储不提供预签名地址时）")
                        .content(new Content().addMediaType("*/*", new MediaType().schema(binary()))));
            }
            SortedSet<Integer> problems = new TreeSet<>();
            if (outcomes != null) {
                Arrays.stream(outcomes.problems()).forEach(problems::add);
            }
            boolean hasBody = operation.getRequestBody() != null;
            if (hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                problems.add(400);
            }
            if (hasBody) {
                problems.add(413); // a file over the upload limit, or any body over the request size limit
                problems.add(415);
            }
            if (!open) {
                problems.add(401);
            }
            if (!open || !"GET".equals(handlerVerb(handler))) {
                problems.add(403); // the caller's role or city, an initial password to change first, or a session call without CSRF
            }
            problems.add(503);
            problems.forEach(status -> responses.addApiResponse(String.valueOf(status), problem(status)));
            operation.setResponses(responses);
            if (open) {
                operation.setSecurity(List.of());
            }
            return operation;
        };
    }

    /** What springdoc made of the handler's return type (its first success response), or nothing. */
    private static Content generatedBody(Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        return operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .map(e -> e.getValue().getContent()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String handlerVerb(org.springframework.web.method.HandlerMethod handler) {
        var mapping = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                org.springframework.web.bind.annotation.RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    }

    /**
     * A Java {@code Object} (a map's values, an untyped field) may be any JSON value, not only an object: springdoc
     * describes it as {@code type: object}, which a validating client would refuse for a number. Within {@code schema},
     * such a bare object (no properties, no reference) becomes the schema that allows anything.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void anyValueForObject(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().replaceAll((name, property) -> bareObject(property) ? new Schema<>() : property);
            schema.getProperties().values().forEach(OpenApiDescription::anyValueForObject);
        }
        if (schema.getAdditionalProperties() instanceof Schema values) {
            if (bareObject(values)) {
                ((Schema) schema).setAdditionalProperties(new Schema<>());
            } else {
                anyValueForObject(values);
            }
        }
        if (schema.getItems() != null) {
            if (bareObject(schema.getItems())) {
                ((Schema) schema).setItems(new Schema<>());
            } else {
                anyValueForObject(schema.getItems());
            }
        }
    }

    private static boolean bareObject(Schema<?> schema) {
        return schema != null && "object".equals(schema.getType()) && schema.get$ref() == null
                && (schema.getProperties() == null || schema.getProperties().isEmpty()) && schema.getAdditionalProperties() == null;
    }

    private static ApiResponse problem(int status) {
        ApiResponse response = new ApiResponse().description(MEANING.getOrDefault(status, "请求被拒绝"))
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        if (status == 503 || status == 429) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("建议的重试间隔（秒）").schema(new IntegerSchema()));
        }
        return response;
    }

    private static Schema<?> binary() {
        return new StringSchema().format("binary");
    }

    /**
     * The meaning of each parameter, one wording for a name across the API; {@code <area>.<name>} where the same name
     * means something else in one part of it ({@link #area}). A parameter missing here has no description, and the
     * build's lint (OpenApiIT) says so.
     */
    static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("application.id", "申报编号"),
            Map.entry("benchmark.id", "遴选编号"),
            Map.entry("registry.id", "载体编号"),
            Map.entry("inbox.id", "通知编号"),
            Map.entry("applicationId", "遴选申报编号"),
            Map.entry("carrierId", "载体编号"),
            Map.entry("changeId", "变更备案编号"),
            Map.entry("docId", "文件编号"),
            Map.entry("number", "认定编号（即证书编号），如 JSP-INC-2026-0001"),
            Map.entry("year", "考核年度，如 2025"),
            Map.entry("tenant.year", "名单年度，如 2025"),
            Map.entry("tenant.id", "载体编号"),
            Map.entry("creditCode", "在孵企业的统一社会信用代码"),
            Map.entry("username", "账号的用户名"),
            Map.entry("taskId", "年度报告任务编号（GET /api/evaluations/report-tasks 所列）"),
            Map.entry("city", "设区市的行政区划代码，如 320100（南京市）"),
            Map.entry("homeCity", "专家常住城市的行政区划代码"),
            Map.entry("industry", "产业领域代码（见 /api/catalogue）"),
            Map.entry("kind", "载体类型代码，如 INCUBATOR"),
            Map.entry("level", "认定级别代码：CITY、PROVINCIAL 或 NATIONAL"),
            Map.entry("application.status", "申报状态代码，如 CITY_REVIEW"),
            Map.entry("accounts.status", "注册审核状态：PENDING、ACTIVE 或 REJECTED"),
            Map.entry("registry.status", "载体状态代码，如 ACTIVE、WARNING"),
            Map.entry("title", "称号：BENCHMARK（标杆孵化器）"),
            Map.entry("q", "关键字：载体名称、运营机构名称或统一社会信用代码"),
            Map.entry("accounts.q", "关键字：用户名、姓名或工作单位"),
            Map.entry("sort", "排序，如 name,asc 或 certifiedSince,desc"),
            Map.entry("page", "页码，从 0 开始"),
            Map.entry("size", "每页条数"),
            Map.entry("format", "导出格式：xlsx 或 csv"),
            Map.entry("download", "true 时作为附件下载，否则在浏览器中打开"),
            Map.entry("active", "是否启用"),
            Map.entry("unread", "true 时只列未读"),
            Map.entry("limit", "最多返回的条数，1–200"),
            Map.entry("user", "只看此用户名的记录"),
            Map.entry("type", "材料类型代码（见 /api/catalogue）"),
            Map.entry("change.type", "变更类型：NAME、OPERATOR、AREA 或 SITE"),
            Map.entry("change.reason", "变更说明"),
            Map.entry("carrierName", "变更后的载体名称（NAME）"),
            Map.entry("operatorName", "变更后的运营机构名称（OPERATOR）"),
            Map.entry("operatorCreditCode", "变更后的运营机构统一社会信用代码（OPERATOR）"),
            Map.entry("incubationArea", "变更后的孵化场地面积，平方米（AREA、SITE）"),
            Map.entry("address", "变更后的地址（SITE）"),
            Map.entry("effectiveDate", "变更生效日期（ISO 8601，不晚于今天）"));

    /** The part of the API a path belongs to, for the parameters whose meaning depends on it. */
    static String area(String path) {
        if (path.startsWith("/api/registry/") && path.contains("/changes")) {
            return "change";
        }
        if (path.startsWith("/api/registry/") && path.contains("/tenants")) {
            return "tenant";
        }
        String[] segments = path.split("/");
        return switch (segments.length > 2 ? segments[2] : "") {
            case "applications" -> "application";
            case "benchmark" -> "benchmark";
            case "registry" -> "registry";
            case "accounts" -> "accounts";
            case "inbox" -> "inbox";
            case "tenants" -> "tenant";
            default -> "";
        };
    }

    /**
     * The description as a whole: the problem schemas (added after springdoc has built its own: it drops schemas of its
     * OpenAPI bean that no operation uses), each parameter's meaning, and the tags in alphabetical order.
     */
    @Bean
    org.springdoc.core.customizers.GlobalOpenApiCustomizer wholeDescription() {
        return api -> {
            addProblemSchemas(api.getComponents());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(p -> p.getDescription() == null).forEach(p -> {
                        String meaning = PARAMETERS.get(area(path) + "." + p.getName());
                        p.setDescription(meaning != null ? meaning : PARAMETERS.get(p.getName()));
                    });
                }
            }));
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(OpenApiDescription::anyValueForObject);
            }
            if (api.getTags() != null) {
                api.getTags().sort(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName));
            }
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
        // RFC 9457 extension members: those the platform sets, and any other a later version adds
        problem.addProperty("field", new StringSchema().description("409：已被占用的字段，如 username"));
        problem.addProperty("missingDocumentTypes", new ArraySchema().items(new StringSchema()).description("422：缺少的必备材料类型"));
        problem.addProperty("reasons", new ArraySchema().items(new StringSchema()).description("422：不符合条件的各项原因"));
        problem.addProperty("barredUntil", new StringSchema().format("date").description("409：因失信被限制申报，可再次提交的日期"));
        problem.addProperty("openApplicationId", new IntegerSchema().format("int64").description("409：同一载体同一类型的在办申报编号"));
        problem.addProperty("applicationStatus", new StringSchema().description("409：申报当前的状态代码"));
        problem.addProperty("registrationStatus", new StringSchema().description("403、409：账号注册的审核状态"));
        problem.addProperty("carrierStatus", new StringSchema().description("409：载体当前的状态代码"));
        problem.addProperty("taskId", new StringSchema().description("409：无人可接替的评审任务"));
        problem.addProperty("passwordChangeRequired", new io.swagger.v3.oas.models.media.BooleanSchema()
                .description("403：持初始密码的账号须先修改密码（POST /api/session/password）"));
        problem.setAdditionalProperties(true);
        components.addSchemas("FieldError", fieldError).addSchemas("Problem", problem);
    }

    @Bean
    OpenAPI parkflowOpenApi(ParkflowProperties properties) {
        String version = OpenApiDescription.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("江苏省科技企业孵化载体管理平台 API（parkflow）")
                        .version(version == null ? "0.1.0" : version)
                        .description("科技企业孵化载体（创业苗圃、孵化器、育成中心、加速器、未来产业科技园）认定、标杆孵化器遴选、年度考核评价、"
                                + "变更备案与载体名录的接口。载体名录、公示与异议、目录为公开接口；其余接口以 HTTP Basic 或门户登录会话认证，"
                                + "会话的修改类请求须带 X-Parkflow-Csrf 请求头。所有拒绝均以 application/problem+json 返回，字段错误逐项列出。")
                        .contact(new Contact().name("江苏省科技企业孵化载体管理平台运维").url(properties.publicLink("/portal/home.html"))
                                .email(properties.contactEmail()))
                        .license(new License().name("仅供江苏省科技企业孵化载体管理使用").url(properties.publicLink("/portal/home.html"))))
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
