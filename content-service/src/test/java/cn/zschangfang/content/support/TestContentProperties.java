package cn.zschangfang.content.support;

import cn.zschangfang.content.config.ContentProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Settings for the tests that build beans by hand, without binding {@code content.*}. Each test names only the
 * setting it is about; the rest are short so that a retry or a cache never slows a test down.
 */
public final class TestContentProperties {

    private TestContentProperties() {}

    public static ContentProperties defaults() {
        return of("t", 100);
    }

    public static ContentProperties withAdminToken(String adminToken) {
        return of(adminToken, 100);
    }

    public static ContentProperties withPublishQueueCapacity(int capacity) {
        return of("t", capacity);
    }

    private static ContentProperties of(String adminToken, int publishQueueCapacity) {
        return new ContentProperties(
                adminToken,
                Duration.ofSeconds(30),
                ZoneId.of("Asia/Shanghai"),
                new ContentProperties.Views(
                        Duration.ofMinutes(30),
                        List.of("bot"),
                        false,
                        Duration.ofSeconds(60),
                        publishQueueCapacity,
                        Duration.ofMillis(10),
                        Duration.ofMillis(100)));
    }
}
