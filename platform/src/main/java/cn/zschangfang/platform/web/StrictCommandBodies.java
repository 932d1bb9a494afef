package cn.zschangfang.platform.web;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies of commands and admin calls refuse unknown properties (400, {@code unknown_field}, naming the
 * field): a natural guess at a shape ({@code "channels":{...}}) must not be answered 201 and then silently ignored.
 *
 * <p>Only the MVC server-side converter gets the strict mapper. The application's {@link JsonMapper} stays as Boot
 * builds it (Jackson 3 ignores unknown properties), so Spring Cloud Stream consumers remain tolerant readers of
 * events that gain fields, and HTTP clients tolerate richer answers.
 */
public class StrictCommandBodies implements WebMvcConfigurer {

    private final JsonMapper strict;

    public StrictCommandBodies(JsonMapper jsonMapper) {
        this.strict = jsonMapper
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        // Runs after Boot's own configurer (order 0), so this converter replaces the lenient one.
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}
