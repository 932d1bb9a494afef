package cn.zschangfang.notify.ack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.TestProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AckTokensTest {

    private final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

    private AckTokens tokens(String secret, Instant now) {
        return new AckTokens(
                TestProperties.notify(Map.of("notify.ack.signing-secret", secret, "notify.ack.link-ttl", "1h")),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void validTokenNamesLeadAndAgent() {
        String token = tokens("s3cret", t0).issue("lead-1", "agent-1");
        var claim = tokens("s3cret", t0.plusSeconds(60)).verify(token);
        assertThat(claim).hasValueSatisfying(c -> {
            assertThat(c.leadId()).isEqualTo("lead-1");
            assertThat(c.agentId()).isEqualTo("agent-1");
        });
    }

    @Test
    void expiredForgedOrTamperedTokensAreRejected() {
        String token = tokens("s3cret", t0).issue("lead-1", "agent-1");
        assertThat(tokens("s3cret", t0.plusSeconds(3601)).verify(token)).isEmpty();
        assertThat(tokens("other", t0).verify(token)).isEmpty();
        String payload = token.substring(0, token.indexOf('.'));
        String tampered =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("lead-2|agent-1|9999999999".getBytes())
                        + token.substring(token.indexOf('.'));
        assertThat(tokens("s3cret", t0).verify(tampered)).isEmpty();
        assertThat(tokens("s3cret", t0).verify(payload)).isEmpty();
        assertThat(tokens("s3cret", t0).verify("%%%.@@@")).isEmpty();
    }

    @Test
    void linkPointsToThePublicBaseUrl() {
        AckTokens t = new AckTokens(
                TestProperties.notify(Map.of("notify.public-base-url", "https://zs.example")),
                Clock.fixed(t0, ZoneOffset.UTC));
        assertThat(t.link("l", "a")).startsWith("https://zs.example/ack/");
    }
}
