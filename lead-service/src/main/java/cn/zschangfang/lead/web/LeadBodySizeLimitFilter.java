package cn.zschangfang.lead.web;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.web.BodySizeLimitFilter;
import org.springframework.stereotype.Component;

/**
 * Caps every request body at {@code lead.spam.max-body-bytes} (413), chunked ones included: Tomcat's
 * {@code max-swallow-size} does not bound what the application reads, so the platform's filter counts while reading.
 */
@Component
public class LeadBodySizeLimitFilter extends BodySizeLimitFilter {

    public LeadBodySizeLimitFilter(LeadProperties properties, ProblemResponseWriter problems) {
        super(request -> properties.spam().maxBodyBytes(), problems);
    }
}
