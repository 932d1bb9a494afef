package cn.zschangfang.bench;

import cn.zschangfang.localstack.StackConfig;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** {@code POST /api/leads} through the gateway with the development integration key; remembers accepted ids. */
final class LeadPost {

    /** Accepted lead id → intended start of its POST (nanoTime). */
    final Map<String, Long> accepted = new ConcurrentHashMap<>();

    private final Context ctx;
    private final String url;

    LeadPost(Context ctx, String gatewayBase) {
        this.ctx = ctx;
        this.url = gatewayBase + "/api/leads";
    }

    CompletableFuture<Integer> send(String json, long intended) {
        var request = Http.postJson(url, json)
                .header("X-Api-Key", StackConfig.INTEGRATION_KEY)
                .build();
        return ctx.http.send(request).thenApply(response -> {
            if (response.statusCode() == 201) {
                String id = Context.parse(response.body()).path("id").asString();
                if (id != null && !id.isEmpty()) {
                    accepted.put(id, intended);
                }
            }
            return response.statusCode();
        });
    }
}
