package cn.zschangfang.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientIpResolverTest {

    private final ClientIpResolver resolver = new ClientIpResolver(List.of("10.0.0.0/8", "192.168.1.5"));

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/leads");
        request.setRemoteAddr(peer);
        for (String value : forwardedFor) {
            request.addHeader("X-Forwarded-For", value);
        }
        return request;
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(resolver.resolve(from("203.0.113.9", "1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void trustedProxyGivesTheFirstUntrustedAddressFromTheRight() {
        // The client may prepend anything; only what our proxies appended is believed.
        assertThat(resolver.resolve(from("10.1.2.3", "6.6.6.6, 198.51.100.20, 192.168.1.5")))
                .isEqualTo("198.51.100.20");
    }

    @Test
    void severalForwardedForHeadersAreReadAsOneList() {
        assertThat(resolver.resolve(from("10.1.2.3", "198.51.100.21", "10.9.9.9")))
                .isEqualTo("198.51.100.21");
    }

    @Test
    void trustedPeerWithoutForwardedForIsTheClient() {
        assertThat(resolver.resolve(from("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void garbageInForwardedForStopsTheWalkWithoutDnsLookups() {
        assertThat(resolver.resolve(from("10.1.2.3", "evil.example.com, 10.0.0.7")))
                .isEqualTo("10.0.0.7");
    }

    @Test
    void nothingIsTrustedByDefault() {
        assertThat(new ClientIpResolver(List.of()).resolve(from("127.0.0.1", "1.2.3.4")))
                .isEqualTo("127.0.0.1");
    }
}
