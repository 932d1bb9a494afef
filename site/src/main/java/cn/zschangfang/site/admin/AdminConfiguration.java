package cn.zschangfang.site.admin;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The back office's guard on {@code /admin/**}, except its sign-in page. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration implements WebMvcConfigurer {

    private final AdminAccess access;

    AdminConfiguration(AdminAccess access) {
        this.access = access;
    }

    /**
     * Uploads up to the photo limit (Boot's default is 1 MB a file, less than a phone's photo). The site has no other
     * multipart form, so this is the site's only multipart setting.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(AdminProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(properties.maxPhotoBytes()));
        factory.setMaxRequestSize(DataSize.ofBytes(properties.maxPhotoBytes() + 64 * 1024));
        return factory.createMultipartConfig();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns("/admin", "/admin/**").excludePathPatterns("/admin/login");
    }
}
