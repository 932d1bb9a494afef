package cn.zschangfang.localstack.browser;

import cn.zschangfang.localstack.LocalStack;
import cn.zschangfang.localstack.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One real stack — broker, MongoDB-wire server, the four services and the site, each in its own JVM, exactly as
 * {@code ./run.sh} starts them — on random free ports, shared by every browser test of the test JVM (starting it
 * takes about half a minute on two cores) and stopped when the JVM exits. The demo agent's robot is the notify
 * sandbox: {@code GET {gateway}/api/notify/sandbox/messages}.
 */
public final class BrowserStack {

    private static LocalStack stack;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private BrowserStack() {}

    public static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            Path projectDir = StackConfig.projectDirOfTests();
            Path dataDir = Files.createTempDirectory("browser-stack-");
            StackConfig config = StackConfig.onFreePorts(projectDir, dataDir, Map.of());
            stack = LocalStack.startForTest(config, System.out);
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "browser-stack-shutdown"));
        }
        return stack;
    }

    /**
     * What every browser test class does first: skips it where there is no Chromium, else starts the shared stack (once
     * per JVM) and answers its front door.
     */
    public static String open() throws Exception {
        Browser.assumeAvailable();
        return gateway();
    }

    /** The front door as the browser uses it. */
    public static String gateway() throws Exception {
        return "http://localhost:" + get().config().gatewayPort();
    }

    public static HttpResponse<String> httpGet(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /** A call beside the browser (an API, a partner backend), on the one client all browser tests share. */
    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
