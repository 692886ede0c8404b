package cn.parkflow.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place where exceptions become RFC 9457 problem details. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static final URI VALIDATION = URI.create("urn:parkflow:problem:validation");

    static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "请求参数有误",
                errors.stream().map(e -> e.field() + ": " + e.detail()).collect(Collectors.joining("; ")));
        problem.setType(VALIDATION);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Problems are always JSON, whatever else the client accepts. */
    static <T> ResponseEntity<T> respond(HttpStatusCode status, T problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, statusCode);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage());
        e.properties().forEach((name, value) -> {
            if ("type".equals(name) && value instanceof URI type) {
                problem.setType(type);
            } else {
                problem.setProperty(name, value);
            }
        });
        return respond(e.status(), problem);
    }

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<ProblemDetail> storageUnavailable(StorageUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "文件存储暂不可用", e.getMessage() + "；申报未作任何更改，请稍后重试"));
    }

    /** Two requests changed the same application at once; the later one is refused. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return respond(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "状态冲突", "申报已被同时修改或已提交，请刷新后重试"));
    }

    @ExceptionHandler(DbActionExecutionException.class)
    ResponseEntity<ProblemDetail> dbAction(DbActionExecutionException e) {
        if (e.getCause() instanceof OptimisticLockingFailureException || e.getCause() instanceof DuplicateKeyException) {
            return concurrent(e);
        }
        throw e;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return FieldError.of(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
                .toList();
        return respond(HttpStatus.BAD_REQUEST, invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, invalid(List.of(FieldError.of(e.getName(), "取值无效: " + e.getValue()))));
    }

    /**
     * Anything not answered above: a database that cannot be reached is a 503 the client may repeat;
     * every other failure a 500 without its message (logged with its stack trace).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.unavailable(e)) {
            log.warn("database unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.TITLE, DatabaseFailures.DETAIL));
        }
        log.error("request failed", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "请求未能完成，请稍后重试或联系管理员"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        // an internal message (ids, class names) is logged, never sent: a client's own mistakes carry their own field errors
        log.info("request refused: {}", e.getMessage());
        return respond(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "请求参数有误", "请求包含无效的取值或不存在的对象"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, "无权操作", "当前用户无权执行此操作"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"parkflow\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.UNAUTHORIZED, "需要登录", "请使用用户名和密码登录"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> FieldError.of(f.getField(), f.isBindingFailure() ? "取值无效: " + f.getRejectedValue() : f.getDefaultMessage()))
                .toList();
        List<FieldError> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> FieldError.of(g.getObjectName(), g.getDefaultMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, invalid(java.util.stream.Stream.concat(errors.stream(), global.stream()).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            String detail = mapping.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : "取值无效";
            return respond(HttpStatus.BAD_REQUEST, invalid(List.of(FieldError.of(field, detail))));
        }
        return respond(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "请求体无法解析", "请求体不是有效的 JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件被拒收", "文件超过大小上限"));
    }
}
