package cn.zschangfang.lead.web;

import cn.zschangfang.lead.config.LeadProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects oversized bodies with a 413 ProblemDetail before anything reads them. Chunked bodies without a length
 * are bounded by Tomcat's {@code server.tomcat.max-swallow-size} and the JSON reader.
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    public BodySizeLimitFilter(LeadProperties properties, JsonMapper json) {
        this.maxBytes = properties.spam().maxBodyBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(json.writeValueAsString(
                            ProblemAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "请求内容过大")));
            return;
        }
        chain.doFilter(request, response);
    }
}
