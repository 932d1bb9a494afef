package cn.zschangfang.site.api;

import org.springframework.web.client.RestClient;

/**
 * lead-service, server to server. The visitor's browser posts inquiries to the gateway itself ({@code POST
 * /api/leads}), so the site reads only: S2's agent inbox and dashboard add their calls here or through {@link #http()}
 * with the agent's or manager's bearer token.
 */
public class LeadClient {

    private final RestClient http;

    LeadClient(RestClient http) {
        this.http = http;
    }

    /** The configured client (base URL = lead-service) for calls this class does not wrap yet. */
    public RestClient http() {
        return http;
    }
}
