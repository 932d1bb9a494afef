package cn.zschangfang.content.listing.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/content/admin/listings/**} (ADMIN, or a MANAGER's agent token) and leaves the {@link Caller}
 * in a request attribute, so every change can be recorded with who made it.
 */
public class ListingAuthInterceptor implements HandlerInterceptor {

    private final ListingCallers callers;

    public ListingAuthInterceptor(ListingCallers callers) {
        this.callers = callers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, callers.require(request));
        return true;
    }
}
