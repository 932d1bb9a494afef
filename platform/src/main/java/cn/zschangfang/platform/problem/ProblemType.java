package cn.zschangfang.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The one error vocabulary of the platform. The {@code type} URI ends in a stable English snake_case slug that
 * programs may switch on; the {@code title} is Chinese, because the site shows it to visitors and agents. A problem
 * type never changes its slug or status once shipped.
 */
public enum ProblemType {
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad_request", "请求有误"),
    /** Field errors in {@code errors[]}, each with a {@link FieldCode}-style code. */
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "请求内容有误"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed_json", "JSON 格式错误"),
    SPAM_SUSPECTED(HttpStatus.BAD_REQUEST, "spam_suspected", "提交未被接受，请稍后重试"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "需要登录"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "无权访问"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found", "未找到"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "不支持该请求方法"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "不支持的响应格式"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "与当前状态冲突"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "请求内容过大"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "不支持的内容类型"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "请求过于频繁，请稍后再试"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误"),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad_gateway", "上游服务应答无效"),
    /** MongoDB, Kafka or a service behind the gateway is unreachable: retry later (with {@code Retry-After}). */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "服务暂时不可用，请稍后再试"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway_timeout", "上游服务响应超时");

    public static final String BASE = "https://zschangfang.cn/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The type for a status a framework exception reports, when nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 502 -> BAD_GATEWAY;
            case 503 -> UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
