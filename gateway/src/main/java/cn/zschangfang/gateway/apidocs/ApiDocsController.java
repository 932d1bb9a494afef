package cn.zschangfang.gateway.apidocs;

import cn.zschangfang.gateway.routing.ProxyProperties;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves each service's own OpenAPI document ({@code GET <service>/v3/api-docs}) at {@code /v3/api-docs/<service>}
 * for the gateway's Swagger UI.
 *
 * <p>A plain route would pass the document through unchanged, but a service writes its own address into
 * {@code servers}, so "Try it out" would bypass the gateway (and its CORS, limits and authentication) or fail from
 * a browser. This replaces {@code servers} with the gateway itself; the paths are already the public ones because
 * the gateway does not rewrite paths.
 */
@RestController
@Hidden
class ApiDocsController {

    private final Map<String, RestClient> services;
    private final JsonMapper jsonMapper;

    ApiDocsController(RestClient.Builder builder, ProxyProperties proxy, JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        this.services = Map.of(
                "content", client(builder, proxy.contentUrl(), proxy),
                "lead", client(builder, proxy.leadUrl(), proxy),
                "notify", client(builder, proxy.notifyUrl(), proxy));
    }

    private static RestClient client(RestClient.Builder builder, String baseUrl, ProxyProperties proxy) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(proxy.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(10));
        return builder.clone().baseUrl(baseUrl).requestFactory(factory).build();
    }

    @GetMapping(path = "/v3/api-docs/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> apiDocs(@PathVariable String service) {
        RestClient client = services.get(service);
        if (client == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(ProblemType.NOT_FOUND, "已知的 API 文档：content、lead、notify"));
        }
        String document = client.get()
                .uri("/v3/api-docs")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(String.class);
        JsonNode tree = jsonMapper.readTree(document == null ? "{}" : document);
        if (!(tree instanceof ObjectNode root)) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(ProblemType.BAD_GATEWAY, "该服务没有返回 OpenAPI 文档"));
        }
        ArrayNode servers = root.putArray("servers");
        servers.addObject().put("url", "/").put("description", "through the gateway");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(root);
    }
}
