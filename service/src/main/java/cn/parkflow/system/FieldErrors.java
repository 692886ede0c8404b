package cn.parkflow.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Field-level refusals found by services rather than by bean validation. */
public final class FieldErrors {

    /** The problem type and title of every field-level refusal. */
    public static final java.net.URI TYPE = ProblemDetailsAdvice.VALIDATION;
    public static final String TITLE = "请求参数有误";

    private FieldErrors() {}

    public static ApiException single(String field, String detail) {
        return of(List.of(FieldError.of(field, detail)));
    }

    /** Several invalid fields at once; the detail names the first. */
    public static ApiException of(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = first.field() + ": " + first.detail() + (errors.size() > 1 ? "（另有" + (errors.size() - 1) + "项）" : "");
        return new ApiException(HttpStatus.BAD_REQUEST, TITLE, detail)
                .with("type", TYPE)
                .with("errors", List.copyOf(errors));
    }
}
