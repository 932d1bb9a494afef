package cn.zschangfang.bench;

import cn.zschangfang.localstack.StackConfig;
import java.util.ArrayList;
import java.util.List;

/** Bench agents registered through notify-service's admin API, their robots pointing at the bench's receiver. */
final class Agents {

    private final Context ctx;
    final List<String> ids = new ArrayList<>();

    Agents(Context ctx) {
        this.ctx = ctx;
    }

    /** Registers an active agent for one town, always in working hours (no hours configured means always). */
    void register(String id, String town, String webhook) {
        String body = "{\"id\":\"" + id + "\",\"name\":\"bench " + id.substring(id.length() - 6)
                + "\",\"role\":\"AGENT\"," + "\"wecomWebhook\":\"" + webhook + "\",\"towns\":[\"" + town
                + "\"],\"weight\":1,\"active\":true}";
        var response = ctx.http.call(Http.postJson(ctx.notifyUrl() + "/api/notify/agents", body)
                .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "registering agent " + id + " answered " + response.statusCode() + ": " + response.body());
        }
        ids.add(id);
    }

    /** Deactivates every bench agent (DELETE deactivates and revokes the token); answers how many succeeded. */
    int deactivateAll() {
        int ok = 0;
        for (String id : ids) {
            var response = ctx.http.call(Http.get(ctx.notifyUrl() + "/api/notify/agents/" + id)
                    .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                    .DELETE()
                    .build());
            if (response.statusCode() / 100 == 2) {
                ok++;
            }
        }
        return ok;
    }
}
