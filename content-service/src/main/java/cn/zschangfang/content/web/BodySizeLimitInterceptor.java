package cn.zschangfang.content.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a declared Content-Length over the route's cap before the body is read (413 ProblemDetail). */
public class BodySizeLimitInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getContentLengthLong() > BodySizeLimitFilter.limitFor(request)) {
            throw ApiException.payloadTooLarge();
        }
        return true;
    }
}
