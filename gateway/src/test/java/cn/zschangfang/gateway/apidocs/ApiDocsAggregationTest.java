package cn.zschangfang.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiDocsAggregationTest extends GatewayTestBase {

    private static final String LEAD_DOC =
            "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"lead-service\",\"version\":\"v1\"},"
                    + "\"servers\":[{\"url\":\"http://127.0.0.1:8082\"}],"
                    + "\"paths\":{\"/api/leads\":{\"post\":{\"summary\":\"提交询盘\"}}}}";

    @Test
    void eachServicesDocumentIsServedWithTheGatewayAsItsServer() {
        LEAD.on("/v3/api-docs", (exchange, body) -> StubService.json(exchange, 200, LEAD_DOC));

        HttpResponse<String> response = get("/v3/api-docs/lead");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"/api/leads\"")
                .contains("提交询盘")
                .contains("\"servers\":[{\"url\":\"/\"")
                .doesNotContain("8082");
        assertThat(LEAD.receivedOn("/v3/api-docs")).hasSize(1);
    }

    @Test
    void unknownDocumentIs404Problem() {
        HttpResponse<String> response = get("/v3/api-docs/billing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("problems/not_found");
    }

    @Test
    void swaggerUiListsTheThreeServices() {
        HttpResponse<String> page = get("/swagger-ui.html");
        assertThat(page.statusCode()).isIn(200, 302);

        HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body())
                .contains("/v3/api-docs/content")
                .contains("/v3/api-docs/lead")
                .contains("/v3/api-docs/notify");
    }

    @Test
    void swaggerUiPageIsServed() {
        HttpResponse<String> index = get("/swagger-ui/index.html");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-ui");
    }
}
