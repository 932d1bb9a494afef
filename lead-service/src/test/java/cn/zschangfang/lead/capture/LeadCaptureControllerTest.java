package cn.zschangfang.lead.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.spam.AltchaChallenges;
import cn.zschangfang.lead.spam.RateLimits;
import cn.zschangfang.lead.stats.LeadMetrics;
import cn.zschangfang.lead.territory.Towns;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The capture endpoint's HTTP contract: every bad input is a 4xx ProblemDetail naming the field. */
@WebMvcTest(
        controllers = LeadCaptureController.class,
        properties = {"lead.integration-api-keys=partner=slice-key", "lead.spam.max-body-bytes=2048"})
@Import({InquiryValidator.class, Towns.class, LeadCaptureControllerTest.Config.class})
class LeadCaptureControllerTest {

    @TestConfiguration
    @EnableConfigurationProperties(LeadProperties.class)
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /** A valid form whose phone and area the controller must normalize. */
    private static TestInquiry valid() {
        return TestInquiry.inquiry().phone("+86 138-0013-8000").areaMu(3, null);
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaptureService captureService;

    @MockitoBean
    SpamDefence spamDefence;

    @MockitoBean
    RateLimits rateLimits;

    @MockitoBean
    AltchaChallenges altcha;

    @MockitoBean
    LeadMetrics metrics;

    @MockitoBean
    ListingIndex listings;

    /** A JSON body to the capture endpoint with the integration partner's API key. */
    private ResultActions postLeadAsPartner(String json) throws Exception {
        return postLead(json, "slice-key");
    }

    private ResultActions postLead(String json, String apiKey) throws Exception {
        return mvc.perform(post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Api-Key", apiKey)
                .content(json));
    }

    @Test
    void validIntegrationRequestIsNormalizedAndAnswered201WithLocation() throws Exception {
        when(captureService.capture(any(), eq("partner")))
                .thenReturn(new CaptureResult("lead-1", "NEW", Instant.parse("2026-01-01T00:00:00Z"), false));

        postLeadAsPartner(valid().json())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/leads/lead-1"))
                .andExpect(jsonPath("$.id").value("lead-1"))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.receivedAt").value("2026-01-01T00:00:00Z"));

        ArgumentCaptor<ValidInquiry> inquiry = ArgumentCaptor.forClass(ValidInquiry.class);
        verify(captureService).capture(inquiry.capture(), eq("partner"));
        assertThat(inquiry.getValue().contact().phone()).isEqualTo("13800138000");
        assertThat(inquiry.getValue().inquiry().town()).isEqualTo("沙溪镇");
        assertThat(inquiry.getValue().inquiry().areaSqm().min()).isEqualTo(2000.01);
        verify(spamDefence, never()).check(any());
    }

    @Test
    void duplicateIsAnswered200WithTheExistingId() throws Exception {
        when(captureService.capture(any(), any()))
                .thenReturn(new CaptureResult("lead-1", "ROUTED", Instant.now(), true));

        postLeadAsPartner(valid().json())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("lead-1"))
                .andExpect(jsonPath("$.duplicate").value(true));
    }

    @Test
    void missingFieldsAreEachNamedInOneProblemDetail() throws Exception {
        postLeadAsPartner("{\"intent\":\"RENT\",\"phone\":\"123\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/validation"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder(
                                "intent", "propertyType", "town", "contactName", "phone", "consent")));
        verify(captureService, never()).capture(any(), any());
    }

    @Test
    void wrongJsonTypeNamesTheNestedField() throws Exception {
        postLeadAsPartner(valid().with("areaMu", TestInquiry.members("min", "three"))
                        .json())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("areaMu.min"))
                .andExpect(jsonPath("$.errors[0].code").value("invalid_type"));
    }

    @Test
    void malformedJsonIsA400WithoutEchoingTheParserMessage() throws Exception {
        postLeadAsPartner("{\"intent\": LEASE")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/malformed_json"))
                .andExpect(jsonPath("$.detail").doesNotExist());
    }

    @Test
    void unknownApiKeyIs401() throws Exception {
        postLead(valid().json(), "guess")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/unauthorized"));
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        postLeadAsPartner(valid().message("x".repeat(4000)).json())
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/payload_too_large"));
    }

    @Test
    void wrongMediaTypeAndMethodAreProblemDetails() throws Exception {
        mvc.perform(post("/api/leads").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/unsupported_media_type"));
        mvc.perform(put("/api/leads").contentType(MediaType.APPLICATION_JSON).content(valid().json()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://zschangfang.cn/problems/method_not_allowed"));
    }
}
