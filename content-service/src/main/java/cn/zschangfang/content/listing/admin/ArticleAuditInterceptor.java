package cn.zschangfang.content.listing.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every successful write of the article back office in the audit log, so "who changed what when" covers
 * articles as well as listings (listing changes are recorded by {@link ListingService} with their meaning). Only the
 * ADMIN token reaches these paths, so the author is always {@code admin}.
 */
public class ArticleAuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ArticleAuditInterceptor.class);
    private static final Caller ADMIN = new Caller("admin", Caller.Role.ADMIN);

    private final AuditLog audit;

    public ArticleAuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        if (ex != null || response.getStatus() / 100 != 2) {
            return;
        }
        try {
            audit.record(ADMIN, AuditLog.Action.ARTICLE_CHANGED, null, method + " " + request.getRequestURI());
        } catch (RuntimeException e) {
            // The change itself succeeded; losing its audit line must not turn the answer into an error.
            log.warn(
                    "audit entry for an article change not written: {}",
                    e.getClass().getSimpleName());
        }
    }
}
