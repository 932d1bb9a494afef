package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.SessionCookies;
import cn.zschangfang.site.agent.SiteSessions;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The back office's guard on {@code /admin/**}, except its sign-in page. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration implements WebMvcConfigurer {

    private final SiteSessions sessions;
    private final SessionCookies cookies;

    AdminConfiguration(SiteSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAccess(sessions, cookies))
                .addPathPatterns("/admin", "/admin/**")
                .excludePathPatterns("/admin/login");
    }
}
