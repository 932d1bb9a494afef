package cn.zschangfang.content.view;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.web.WebConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The beacon's HTTP contract, with the pipeline behind it replaced (its behaviour is proven in ViewPipelineIT). */
@WebMvcTest(ViewController.class)
@Import(WebConfig.class)
@EnableConfigurationProperties(ContentProperties.class)
@ActiveProfiles("test")
class ViewControllerWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ViewBeacon beacon;

    @Test
    void acceptsAViewWith202AndPassesVisitorReferrerAndUserAgent() throws Exception {
        when(beacon.view(eq("a-slug"), eq("v1"), eq("https://www.baidu.com/"), eq("Mozilla/5.0")))
                .thenReturn(Optional.of(ViewBeacon.Outcome.COUNTED));
        mvc.perform(viewPost("a-slug", "{\"visitorId\":\"v1\",\"referrer\":\"https://www.baidu.com/\"}")
                        .header("User-Agent", "Mozilla/5.0"))
                .andExpect(status().isAccepted());
    }

    @Test
    void repeatsAndBotsAlsoGet202SoBotsLearnNothing() throws Exception {
        when(beacon.view(any(), any(), any(), any())).thenReturn(Optional.of(ViewBeacon.Outcome.BOT));
        mvc.perform(viewPost("a-slug", "{\"visitorId\":\"v1\"}")).andExpect(status().isAccepted());
    }

    @Test
    void aViewThePipelineCouldNotTakeIs503WithRetryAfterNot202() throws Exception {
        when(beacon.view(any(), any(), any(), any())).thenReturn(Optional.of(ViewBeacon.Outcome.REJECTED));
        mvc.perform(viewPost("a-slug", "{\"visitorId\":\"v1\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownSlugIs404ProblemDetail() throws Exception {
        when(beacon.view(any(), any(), any(), any())).thenReturn(Optional.empty());
        mvc.perform(viewPost("nope", "{\"visitorId\":\"v1\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/not_found"));
    }

    @Test
    void missingVisitorIdIs400NamingTheFieldAndNothingIsRecorded() throws Exception {
        mvc.perform(viewPost("a-slug", "{\"referrer\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("visitorId"));
        verify(beacon, never()).view(any(), any(), any(), any());
    }

    @Test
    void malformedJsonAndWrongTypesAre400() throws Exception {
        mvc.perform(viewPost("a-slug", "{\"visitorId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/malformed_json"));
        mvc.perform(viewPost("a-slug", "{\"visitorId\":{\"a\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitorId"));
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        mvc.perform(viewPost("a-slug", "{\"visitorId\":\"" + "x".repeat(5000) + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/payload_too_large"));
    }

    @Test
    void wrongMediaTypeIs415() throws Exception {
        mvc.perform(post("/api/content/articles/a-slug/views")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("visitorId=v1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** The beacon's POST of {@code json} for {@code slug}, as the site's script sends it. */
    private static MockHttpServletRequestBuilder viewPost(String slug, String json) {
        return post("/api/content/articles/" + slug + "/views")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
