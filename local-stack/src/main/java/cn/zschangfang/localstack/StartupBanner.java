package cn.zschangfang.localstack;

import java.nio.file.Path;

/** What {@code ./run.sh} prints once everything is ready: where each part is, the development secrets, a first lead. */
final class StartupBanner {

    private StartupBanner() {}

    static String whereToLook(StackConfig config, double readySeconds, Path logDir) {
        String gateway = config.gatewayUrl();
        return String.join(
                "\n",
                "",
                String.format("Local stack ready in %.1f s. Logs: %s", readySeconds, logDir),
                "  Portal (site)          " + gateway + "/   and the seed article " + gateway + "/articles/"
                        + DemoData.SEED_ARTICLE,
                "  Front door (gateway)   " + gateway,
                "  API docs (Swagger UI)  " + gateway + "/swagger-ui.html",
                "  Seed article (API)     " + gateway + "/api/content/articles/" + DemoData.SEED_ARTICLE,
                "  Agent sandbox inbox    " + gateway + "/api/notify/sandbox/messages",
                "  Kafka broker           " + config.kafkaBrokers() + "   (kcat -C -b " + config.kafkaBrokers()
                        + " -t lead.captured -J)",
                "  MongoDB (wire stand-in) mongodb://127.0.0.1:" + config.mongoPort()
                        + (config.mongoInMemory() ? " (--in-memory: nothing is kept when the stack stops)" : ""),
                "  Services               content " + config.url(config.contentPort()) + ", lead "
                        + config.url(config.leadPort()) + ", notify " + config.url(config.notifyPort()) + ", site "
                        + config.url(config.sitePort()),
                config.second() == null
                        ? "  (one instance of each; ./run.sh --instances 2 adds a second of each behind a second gateway)"
                        : "  Second instances       gateway "
                                + config.url(config.second().gatewayPort())
                                + " -> content " + config.url(config.second().contentPort()) + ", lead "
                                + config.url(config.second().leadPort()) + ", notify "
                                + config.url(config.second().notifyPort()) + " (shared state needs REDIS_URL)",
                "Development secrets (local profile only): admin token " + StackConfig.ADMIN_TOKEN
                        + ", integration API key " + StackConfig.INTEGRATION_KEY,
                "Submit a lead:",
                "  curl -i " + gateway + "/api/leads -H 'Content-Type: application/json' -H 'X-Api-Key: "
                        + StackConfig.INTEGRATION_KEY + "' \\",
                "    -d '{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"沙溪\",\"areaSqm\":{\"min\":2000,\"max\":5000},"
                        + "\"contactName\":\"张三\",\"phone\":\"13800138000\",\"consent\":true}'",
                "Ctrl-C (or SIGTERM) stops everything.",
                "");
    }
}
