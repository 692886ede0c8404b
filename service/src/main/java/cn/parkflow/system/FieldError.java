package cn.parkflow.system;

/** One invalid field of a request: its name, a JSON pointer to it, and what is wrong (Chinese). */
public record FieldError(String field, String pointer, String detail) {

    public static FieldError of(String field, String detail) {
        return new FieldError(field, "#/" + field.replace('.', '/'), detail);
    }
}
