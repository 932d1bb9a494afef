package cn.zschangfang.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter (rate limit, body size, authentication), which runs before Spring MVC and
 * so cannot rely on the advice. Same body, same headers as {@link ProblemAdvice}.
 */
public class ProblemResponseWriter {

    private final JsonMapper jsonMapper;

    public ProblemResponseWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        HttpHeaders headers = Problems.headers(problem.getStatus(), null);
        headers.forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && response.getHeader(name) == null) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        response.setContentType(headers.getContentType().toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = jsonMapper.writeValueAsBytes(body);
        // A length, not a close-delimited body: the client knows where the answer ends even if the connection closes.
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type) throws IOException {
        write(request, response, Problems.of(type));
    }
}
