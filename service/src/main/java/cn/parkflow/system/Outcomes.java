package cn.parkflow.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an API operation answers, as its OpenAPI description states it ({@link OpenApiDescription}): its success status
 * and the problems particular to it. The problems that follow from the operation's shape are added to every operation
 * that has it: 400 (parameters or a body), 413 (a file upload), 415 (a body), 401 (not public), 503 (every operation:
 * the database or the document store may be unavailable).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Outcomes {

    /** The success status: 200, 201 (created, with {@code Location}), 202 (accepted), 204 (no body) or 302 (redirect). */
    int value() default 200;

    /** The media types of a success body that is a file (PDF, xlsx, csv), not JSON. */
    String[] files() default {};

    /** Other success statuses with the same body (an import that created nothing answers 200, else 201). */
    int[] also() default {};

    /** For a 302: the operation answers 200 with the file's bytes instead when the store cannot presign a URL. */
    boolean orBytes() default false;

    /** The problems particular to this operation: 403, 404, 409, 422, 429. */
    int[] problems() default {};
}
