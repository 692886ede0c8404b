package cn.parkflow.registry;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A map of indicator code to value: every key is a code of {@link Indicator}, every value fits its
 * unit. Each problem is reported on its own field, {@code indicators.<code>}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIndicators.Validator.class)
public @interface ValidIndicators {
    String message() default "指标无效";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIndicators, Map<String, Object>> {
        @Override
        public boolean isValid(Map<String, Object> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                Optional<Indicator> indicator = Indicator.find(entry.getKey());
                String problem = indicator.isPresent() ? indicator.get().problem(entry.getValue()) : "未知指标 " + entry.getKey();
                if (problem != null) {
                    valid = false;
                    // the message is a parameter, never a template: an indicator name like "{value}" or
                    // "${1+1}" coming from a client must be shown as typed, not interpolated
                    context.unwrap(HibernateConstraintValidatorContext.class)
                            .addMessageParameter("problem", problem.replace("\\", "\\\\").replace("$", "\\$"))
                            .buildConstraintViolationWithTemplate("{problem}")
                            .addPropertyNode(entry.getKey()).addConstraintViolation();
                }
            }
            for (Map.Entry<Indicator, String> problem : Indicator.consistencyProblems(values).entrySet()) {
                valid = false;
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("problem", problem.getValue())
                        .buildConstraintViolationWithTemplate("{problem}")
                        .addPropertyNode(problem.getKey().name()).addConstraintViolation();
            }
            return valid;
        }
    }
}
