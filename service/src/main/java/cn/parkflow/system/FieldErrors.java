package cn.parkflow.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Field-level refusals found by services rather than by bean validation. */
public final class FieldErrors {

    private FieldErrors() {}

    public static ApiException single(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误", field + ": " + detail)
                .with("type", ProblemDetailsAdvice.VALIDATION)
                .with("errors", List.of(FieldError.of(field, detail)));
    }
}
