package cn.zschangfang.lead.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place errors become RFC 9457 ProblemDetails with stable type URIs. Exception messages are never echoed:
 * titles are fixed text, and anything unexpected is a logged 500 with a generic title.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String BASE = "https://zschangfang.cn/problems/";

    private static final Map<Integer, String[]> BY_STATUS = Map.of(
            400, new String[] {"bad-request", "请求有误"},
            401, new String[] {"unauthorized", "需要登录"},
            403, new String[] {"forbidden", "无权访问"},
            404, new String[] {"not-found", "未找到"},
            405, new String[] {"method-not-allowed", "不支持该请求方法"},
            406, new String[] {"not-acceptable", "不支持的响应格式"},
            413, new String[] {"payload-too-large", "请求内容过大"},
            415, new String[] {"unsupported-media-type", "不支持的内容类型"});

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = problem(e.status(), e.slug(), e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            response.header(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        return api(ApiException.validation(List.of(new ApiException.FieldError(e.getName(), "invalid", "参数格式不正确"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "请求内容有误");
            problem.setProperty("errors", List.of(new ApiException.FieldError(field, "type", "字段类型不正确")));
            return ResponseEntity.badRequest().body(problem);
        }
        String title = cause instanceof JacksonException || cause == null ? "JSON 格式错误" : "请求体无法读取";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-json", title));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String[] slugAndTitle = BY_STATUS.getOrDefault(status.value(), new String[] {"error", "请求失败"});
        ProblemDetail problem = problem(status, slugAndTitle[0], slugAndTitle[1]);
        if (status.is5xxServerError()) {
            log.error("server error", e);
        }
        HttpHeaders copy = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            copy.setAllow(headers.getAllow());
        }
        return ResponseEntity.status(status).headers(copy).body(problem);
    }
}
