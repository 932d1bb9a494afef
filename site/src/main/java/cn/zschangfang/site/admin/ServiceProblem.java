package cn.zschangfang.site.admin;

import cn.zschangfang.site.api.ProblemFields;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClientResponseException;

/**
 * A service's refusal as the back office shows it: the RFC 9457 problem's status and detail, and its {@code
 * errors[].field → message} so that each message appears at its form field.
 */
class ServiceProblem extends RuntimeException {

    private final int status;
    private final Map<String, String> fieldErrors;

    ServiceProblem(int status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    int status() {
        return status;
    }

    /** Field path (as the service names it, e.g. {@code leaseAmount} or {@code workingHours[0].from}) → message. */
    Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    static ServiceProblem of(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        ProblemFields problem = ProblemFields.of(e);
        return new ServiceProblem(status, summary(status, problem.detail()), problem.fieldMessages());
    }

    private static String summary(int status, String detail) {
        String base = switch (status) {
            case 400 -> "提交的内容有误，请按提示修改";
            case 401, 403 -> "没有权限执行此操作（登录已失效或权限不足）";
            case 404 -> "记录不存在或已被删除";
            case 409 -> "当前状态不允许此操作";
            case 413 -> "文件太大";
            case 415 -> "不支持的文件类型";
            case 429 -> "操作过于频繁，请稍后再试";
            default -> "服务暂时不可用，请稍后再试";
        };
        // a service's own Chinese detail says more than the generic sentence
        return detail != null && !detail.isBlank() && detail.codePoints().anyMatch(c -> c >= 0x4e00)
                ? base + "：" + detail
                : base;
    }

    /** Marks the current response with this refusal's status (a form shown again is not a 200). */
    void markResponse() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && servlet.getResponse() != null) {
            servlet.getResponse().setStatus(status >= 400 && status < 500 ? status : 502);
        }
    }

    static ServiceProblem unavailable() {
        return new ServiceProblem(503, "服务暂时不可用，请稍后再试", Map.of());
    }

    static ServiceProblem invalid(Map<String, String> fields) {
        return new ServiceProblem(400, "提交的内容有误，请按提示修改", fields);
    }

    List<String> messages() {
        return List.copyOf(fieldErrors.values());
    }
}
