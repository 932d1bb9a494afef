package cn.zschangfang.platform.problem;

import jakarta.validation.ConstraintViolation;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Map;

/** Bean Validation constraints mapped onto the {@link FieldCode}s, so that no service leaks {@code NotBlank}. */
final class ConstraintCodes {

    private ConstraintCodes() {}

    static ApiException.FieldError fieldError(String field, ConstraintViolation<?> violation) {
        FieldCode code = codeOf(violation);
        return new ApiException.FieldError(field, code.code(), messageOf(violation.getMessage(), code));
    }

    static FieldCode codeOf(ConstraintViolation<?> violation) {
        Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (annotation.annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> FieldCode.REQUIRED;
            case "Size", "Length" ->
                tooLong(violation.getInvalidValue(), attributes.get("max")) ? FieldCode.TOO_LONG : FieldCode.TOO_SHORT;
            case "Min",
                    "Max",
                    "DecimalMin",
                    "DecimalMax",
                    "Positive",
                    "PositiveOrZero",
                    "Negative",
                    "NegativeOrZero",
                    "Range",
                    "Digits" -> FieldCode.OUT_OF_RANGE;
            case "Pattern", "Email", "URL" -> FieldCode.INVALID_FORMAT;
            default -> FieldCode.INVALID_VALUE;
        };
    }

    /**
     * A constraint's own message when a service wrote it in Chinese; Bean Validation's English defaults are replaced
     * by the code's message, so visitors never see a mix.
     */
    static String messageOf(String message, FieldCode code) {
        if (message != null
                && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return message;
        }
        return code.message();
    }

    private static boolean tooLong(Object value, Object max) {
        if (!(max instanceof Integer limit)) {
            return true;
        }
        int size;
        if (value instanceof CharSequence s) {
            size = s.length();
        } else if (value instanceof Collection<?> c) {
            size = c.size();
        } else if (value instanceof Map<?, ?> m) {
            size = m.size();
        } else if (value != null && value.getClass().isArray()) {
            size = java.lang.reflect.Array.getLength(value);
        } else {
            return false;
        }
        return size > limit;
    }
}
