package cn.zschangfang.platform.problem;

/**
 * Codes of {@code errors[].code} shared by every service, each with its default Chinese message. A service may use a
 * more specific snake_case code of its own (lead-service's {@code invalid_phone}, {@code unknown_town}) through
 * {@link ApiException.FieldError#FieldError(String, String, String)}.
 */
public enum FieldCode {
    REQUIRED("required", "必填"),
    /** A JSON value of the wrong type or format ({@code "areaSqm":"big"}), or a query parameter that does not parse. */
    INVALID_TYPE("invalid_type", "字段类型或格式不正确"),
    /** A property the command does not define: refused so that a misspelt field is never silently dropped. */
    UNKNOWN_FIELD("unknown_field", "不支持的字段"),
    TOO_LONG("too_long", "内容过长"),
    TOO_SHORT("too_short", "内容过短"),
    OUT_OF_RANGE("out_of_range", "超出允许范围"),
    INVALID_FORMAT("invalid_format", "格式不正确"),
    INVALID_PHONE("invalid_phone", "手机号码格式不正确"),
    INVALID_VALUE("invalid_value", "取值无效"),
    DUPLICATE("duplicate", "已存在");

    private final String code;
    private final String message;

    FieldCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
