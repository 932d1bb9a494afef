package cn.zschangfang.content.support;

/** The platform's test client plus this service's two habits: the admin token and the view beacon. */
public final class Http extends cn.zschangfang.platform.test.Http {

    public static final String ADMIN_TOKEN = "test-admin-token";

    public Http(int port) {
        super(port);
    }

    public java.net.http.HttpResponse<String> admin(String method, String path, String json) {
        return method(method, path, json, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public java.net.http.HttpResponse<String> view(String slug, String visitorId, String userAgent) {
        return post(
                "/api/content/articles/" + slug + "/views",
                "{\"visitorId\":\"" + visitorId + "\"}",
                "User-Agent",
                userAgent);
    }
}
